// The assistance area's public face. Other areas import only what is exported here (lint enforces it).
export * from './assistance.module';
export * from './assistance.entities';
export * from './assistance.seed';
