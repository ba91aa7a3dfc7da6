// The cases area's public face. Other areas import only what is exported here (lint enforces it).
export * from './cases.module';
export * from './cases.entities';
export * from './cases.seed';
export { CaseAccessService, CaseEntity, CasesRepository } from './core';
export { ConsentsService } from './consents';
