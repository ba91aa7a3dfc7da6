import type { BenchArea } from './area';
import { assistance } from './assistance';
import { hotline } from './hotline';
import { indicators } from './indicators';
import { prosecutions } from './prosecutions';
import { referrals } from './referrals';

const ALL: BenchArea[] = [referrals, assistance, prosecutions, hotline, indicators];

/**
 * The areas beyond cases, in load order (an area's rows may refer to an earlier one's). BENCH_AREAS=a,b loads and
 * measures only those (while one area's part is being written, the others stay out of the way).
 */
export const AREAS: BenchArea[] = process.env.BENCH_AREAS ? ALL.filter((area) => process.env.BENCH_AREAS!.split(',').includes(area.name)) : ALL;
