// The identity area's public face. Other areas import only what is exported here (lint enforces it).
export * from './identity.module';
export * from './identity.entities';
export * from './identity.seed';
export * from './auth/auth.module';
export * from './institutions/institution.entity';
export * from './institutions/institutions.module';
export * from './institutions/institutions.repository';
export * from './users/user.entity';
export * from './roles/role.entity';
export * from './refs';
