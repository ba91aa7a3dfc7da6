import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, disableRowLevelSecurity, enableRowLevelSecurity } from './rls';

/**
 * Four eyes on access to victim data (issue 8, item 1). A change that would give protected access (a role with a
 * protected permission or a scope beyond none, created or widened; such a role given to a user; a new password for
 * someone who holds one) is stored here as a request and applied only when a second administrator approves it.
 *
 * `payload` is the change as it will be applied, `summary` what the approver is shown. The database itself refuses a
 * decision by the requester (`CHK_access_change_requests_four_eyes`). Administrators (users:manage, roles:manage) see
 * and decide requests; auditors read them; nobody deletes one.
 */
export class AccessChangeApprovals1764403700000 implements MigrationInterface {
  name = 'AccessChangeApprovals1764403700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "access_change_requests" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "kind" character varying(20) NOT NULL,
      "status" character varying(20) NOT NULL DEFAULT 'pending',
      "roleId" uuid,
      "userId" uuid,
      "payload" jsonb NOT NULL,
      "summary" jsonb NOT NULL,
      "requestedById" uuid NOT NULL,
      "decidedById" uuid,
      "decidedAt" TIMESTAMP WITH TIME ZONE,
      "reason" character varying(500),
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL,
      CONSTRAINT "PK_access_change_requests" PRIMARY KEY ("id"),
      CONSTRAINT "FK_access_change_requests_role" FOREIGN KEY ("roleId") REFERENCES "roles"("id"),
      CONSTRAINT "FK_access_change_requests_user" FOREIGN KEY ("userId") REFERENCES "users"("id"),
      CONSTRAINT "FK_access_change_requests_requested_by" FOREIGN KEY ("requestedById") REFERENCES "users"("id"),
      CONSTRAINT "FK_access_change_requests_decided_by" FOREIGN KEY ("decidedById") REFERENCES "users"("id"),
      CONSTRAINT "CHK_access_change_requests_kind" CHECK ("kind" IN ('role_create', 'role_update', 'user_create', 'user_update', 'password_reset')),
      CONSTRAINT "CHK_access_change_requests_status" CHECK ("status" IN ('pending', 'approved', 'refused', 'cancelled')),
      CONSTRAINT "CHK_access_change_requests_decision" CHECK (("status" = 'pending') = ("decidedAt" IS NULL) AND ("status" = 'refused') = ("reason" IS NOT NULL)),
      CONSTRAINT "CHK_access_change_requests_four_eyes" CHECK ("status" IN ('pending', 'cancelled') OR "decidedById" <> "requestedById")
    )`);
    // The administrators' list: pending first, newest first.
    await queryRunner.query(`CREATE INDEX "IDX_access_change_requests_status" ON "access_change_requests" ("status", "createdAt")`);

    const administrators = `ruta_ctx_system() OR ruta_ctx_has_permission('users:manage') OR ruta_ctx_has_permission('roles:manage')`;
    await enableRowLevelSecurity(queryRunner, 'access_change_requests', { using: `${administrators} OR ruta_ctx_has_permission('audit:read')`, commands: ['SELECT'] });
    await enableRowLevelSecurity(queryRunner, 'access_change_requests', { using: administrators, commands: ['INSERT', 'UPDATE'] });
    await queryRunner.query(`REVOKE DELETE, TRUNCATE ON "access_change_requests" FROM ${APP_ROLE}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await disableRowLevelSecurity(queryRunner, 'access_change_requests');
    await queryRunner.query(`DROP TABLE "access_change_requests"`);
  }
}
