/**
 * What may be logged of an error in this area: its class and, from PostgreSQL, the SQLSTATE code and the constraint.
 * Never the message: PostgreSQL's messages can echo the values of a row.
 */
export function errorFacts(error: unknown): string {
  const e = (error ?? {}) as { name?: unknown; code?: unknown; constraint?: unknown };
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const code = typeof e.code === 'string' ? e.code : 'none';
  const constraint = typeof e.constraint === 'string' ? e.constraint : 'none';
  return `${name} (code ${code}, constraint ${constraint})`;
}
