import type { BenchArea } from './area';

/** The benchmark's hotline: not written yet. */
export const hotline: BenchArea = {
  name: 'hotline',
  batchStatements: () => [],
  scenarios: [],
};
