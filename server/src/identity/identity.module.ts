import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { InstitutionsModule } from './institutions/institutions.module';
import { RolesModule } from './roles/roles.module';
import { UsersModule } from './users/users.module';

/** Identity and access administration: sign-in and sessions, users, roles (as data), the 14 institutions. */
@Module({
  imports: [AuthModule, InstitutionsModule, RolesModule, UsersModule],
  exports: [AuthModule, InstitutionsModule],
})
export class IdentityModule {}
