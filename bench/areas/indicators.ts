import type { BenchArea } from './area';

/** The benchmark's indicators: not written yet. */
export const indicators: BenchArea = {
  name: 'indicators',
  batchStatements: () => [],
  scenarios: [],
};
