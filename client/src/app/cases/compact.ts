type Compacted<T> = { [K in keyof T]?: Exclude<T[K], '' | null> };

/** Leaves out empty strings, nulls, undefined and empty lists, so optional fields are simply absent. */
export function compact<T extends object>(value: T): Compacted<T> {
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === '' || item === null || item === undefined) continue;
    if (Array.isArray(item) && item.length === 0) continue;
    result[key] = item;
  }
  return result as Compacted<T>;
}

/** "a, b ; c" → ["a", "b", "c"]. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((item) => item.trim())
    .filter(Boolean);
}
