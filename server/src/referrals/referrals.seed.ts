import type { DemoSeed } from '@ruta/platform';

/** Demo referrals (filled in below when demo mode is on). */
export const referralsSeed: DemoSeed = {
  area: 'referrals',
  async run() {
    return [];
  },
};
