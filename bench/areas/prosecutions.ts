import type { BenchArea } from './area';

/** The benchmark's prosecutions: not written yet. */
export const prosecutions: BenchArea = {
  name: 'prosecutions',
  batchStatements: () => [],
  scenarios: [],
};
