// The indicators area's public face. Other areas import only what is exported here (lint enforces it).
export * from './indicators.module';
export * from './indicators.entities';
export * from './indicators.seed';
