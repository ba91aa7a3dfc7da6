// The hotline area's public face. Other areas import only what is exported here (lint enforces it).
export * from './hotline.module';
export * from './hotline.entities';
export * from './hotline.seed';
export { HotlineStatsRepository, HotlineStatsService } from './stats/hotline-stats.service'; // for the indicators area's hotline dashboard
