/**
 * What may be logged of an error: its class and, from PostgreSQL, its SQLSTATE code and constraint — never its message.
 * PostgreSQL's messages (and a parser's or a mail server's) can echo a row's values: a victim's name, a caller's number.
 * Each part is logged only when it has the shape of a class name, a code or an identifier.
 */
export function errorFacts(error: unknown): string {
  const e = (error ?? {}) as { name?: unknown; code?: unknown; constraint?: unknown };
  const facts = [typeof e.name === 'string' && /^\w{1,60}$/.test(e.name) ? e.name : 'Error'];
  if (typeof e.code === 'string' && /^\w{1,20}$/.test(e.code)) facts.push(`code ${e.code}`);
  if (typeof e.constraint === 'string' && /^\w{1,63}$/.test(e.constraint)) facts.push(`constraint ${e.constraint}`);
  return facts.join(', ');
}

/** An error's stack without its first line (which repeats the message): where it happened, not what it said. */
export function stackFrames(error: unknown): string | undefined {
  const stack = (error as { stack?: unknown } | null)?.stack;
  return typeof stack === 'string' ? stack.split('\n').slice(1).join('\n') : undefined;
}
