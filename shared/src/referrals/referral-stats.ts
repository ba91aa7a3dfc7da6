/**
 * The p-th percentile (0..1) of a list, by linear interpolation between closest ranks (PostgreSQL's
 * `percentile_cont`): the median of [1, 2, 3, 10] is 2.5, its 90th percentile 7.9. Null for an empty list.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

/** Hours between two instants, to one decimal. */
export function hoursBetween(from: Date | string, to: Date | string): number {
  return Math.round((new Date(to).getTime() - new Date(from).getTime()) / 360_000) / 10;
}

export function summariseDurations(hours: readonly number[]): { count: number; medianHours: number | null; p90Hours: number | null } {
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return { count: hours.length, medianHours: round(percentile(hours, 0.5)), p90Hours: round(percentile(hours, 0.9)) };
}
