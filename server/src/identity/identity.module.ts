import { Module } from '@nestjs/common';
import { ApprovalsModule } from './approvals/approvals.module';
import { AuthModule } from './auth/auth.module';
import { InstitutionsModule } from './institutions/institutions.module';
import { RolesModule } from './roles/roles.module';
import { UsersModule } from './users/users.module';

/** Identity and access administration: sign-in and sessions, users, roles (as data), the 14 institutions, four-eyes approvals. */
@Module({
  imports: [AuthModule, InstitutionsModule, RolesModule, UsersModule, ApprovalsModule],
  exports: [AuthModule, InstitutionsModule],
})
export class IdentityModule {}
