// The prosecutions area's public face. Other areas import only what is exported here (lint enforces it).
export * from './prosecutions.module';
export * from './prosecutions.entities';
export * from './prosecutions.seed';
