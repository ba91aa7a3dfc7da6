// The hotline area's public face. Other areas import only what is exported here (lint enforces it).
export * from './hotline.module';
export * from './hotline.entities';
export * from './hotline.seed';
export { HotlineStatsRepository, HotlineStatsService } from './stats/hotline-stats.service'; // for the indicators area's hotline dashboard
export { callerPhoneSeed } from './contacts/caller-phone'; // the start-up step that encrypts and indexes the caller numbers (server/src/seeds.ts)
