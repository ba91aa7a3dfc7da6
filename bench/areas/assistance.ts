import type { BenchArea } from './area';

/** The benchmark's assistance: not written yet. */
export const assistance: BenchArea = {
  name: 'assistance',
  batchStatements: () => [],
  scenarios: [],
};
