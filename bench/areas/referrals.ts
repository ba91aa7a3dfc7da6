import type { BenchArea } from './area';

/** The benchmark's referrals: not written yet. */
export const referrals: BenchArea = {
  name: 'referrals',
  batchStatements: () => [],
  scenarios: [],
};
