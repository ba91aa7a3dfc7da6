/**
 * What the hotline may log of a failure: the error's class and, from PostgreSQL, its SQLSTATE code and constraint.
 * Never the message: PostgreSQL's messages (and a parser's) can echo a row's values, here a caller's number or a
 * summary of the call.
 */
export function failureFacts(error: unknown): string {
  const e = (error ?? {}) as { name?: unknown; code?: unknown; constraint?: unknown };
  const facts = [typeof e.name === 'string' && /^\w{1,60}$/.test(e.name) ? e.name : 'Error'];
  if (typeof e.code === 'string' && /^\w{1,20}$/.test(e.code)) facts.push(`code ${e.code}`);
  if (typeof e.constraint === 'string' && /^\w{1,63}$/.test(e.constraint)) facts.push(`constraint ${e.constraint}`);
  return facts.join(', ');
}
