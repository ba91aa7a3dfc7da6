import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, disableRowLevelSecurity, enableRowLevelSecurity, makeAppendOnly } from './rls';

/**
 * Roles (permissions + record scope), users, revocable sessions, and the append-only, hash-chained audit trail.
 */
export class AccessAndAudit1764403300000 implements MigrationInterface {
  name = 'AccessAndAudit1764403300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "roles" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "code" character varying(40) NOT NULL,
      "nameEs" character varying(120) NOT NULL,
      "nameEn" character varying(120) NOT NULL,
      "scope" character varying(20) NOT NULL,
      "requiresMfa" boolean NOT NULL DEFAULT false,
      "permissions" text array NOT NULL DEFAULT '{}',
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL,
      CONSTRAINT "PK_roles" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_roles_code" UNIQUE ("code")
    )`);

    await queryRunner.query(`CREATE TABLE "users" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "email" character varying(254) NOT NULL,
      "name" character varying(200) NOT NULL,
      "institutionId" uuid NOT NULL,
      "roleId" uuid NOT NULL,
      "active" boolean NOT NULL DEFAULT true,
      "language" character varying(2) NOT NULL DEFAULT 'es',
      "passwordHash" character varying(255) NOT NULL,
      "mustChangePassword" boolean NOT NULL DEFAULT false,
      "mfaSecret" character varying(160),
      "mfaEnabled" boolean NOT NULL DEFAULT false,
      "mfaLastStep" integer,
      "recoveryCodeHashes" text array NOT NULL DEFAULT '{}',
      "failedLogins" integer NOT NULL DEFAULT 0,
      "lockedUntil" TIMESTAMP WITH TIME ZONE,
      "lastLoginAt" TIMESTAMP WITH TIME ZONE,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL,
      CONSTRAINT "PK_users" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_users_email" UNIQUE ("email"),
      CONSTRAINT "FK_users_institution" FOREIGN KEY ("institutionId") REFERENCES "institutions"("id"),
      CONSTRAINT "FK_users_role" FOREIGN KEY ("roleId") REFERENCES "roles"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_users_institution_name" ON "users" ("institutionId", "name")`);
    await queryRunner.query(`CREATE INDEX "IDX_users_name" ON "users" ("name")`);
    await queryRunner.query(`CREATE INDEX "IDX_users_role" ON "users" ("roleId")`);

    await queryRunner.query(`CREATE TABLE "sessions" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "tokenHash" character(64) NOT NULL,
      "csrfToken" character(64) NOT NULL,
      "userId" uuid NOT NULL,
      "mfaVerified" boolean NOT NULL DEFAULT false,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "lastSeenAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL,
      "revokedAt" TIMESTAMP WITH TIME ZONE,
      "ip" character varying(45),
      "userAgent" character varying(300),
      CONSTRAINT "PK_sessions" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_sessions_tokenHash" UNIQUE ("tokenHash"),
      CONSTRAINT "FK_sessions_user" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_sessions_user" ON "sessions" ("userId")`);

    await queryRunner.query(`CREATE TABLE "audit_events" (
      "id" bigserial NOT NULL,
      "occurredAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
      "actorUserId" uuid,
      "actorInstitutionId" uuid,
      "actorRole" character varying(40),
      "action" character varying(40) NOT NULL,
      "entityType" character varying(40),
      "entityId" character varying(64),
      "outcome" character varying(10) NOT NULL DEFAULT 'success',
      "requestId" character varying(64),
      "ip" character varying(45),
      "details" jsonb,
      CONSTRAINT "PK_audit_events" PRIMARY KEY ("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_events_occurredAt" ON "audit_events" ("occurredAt")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_events_actor" ON "audit_events" ("actorUserId", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_events_entity" ON "audit_events" ("entityType", "entityId", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_events_action" ON "audit_events" ("action", "id")`);

    await queryRunner.query(`CREATE TABLE "audit_seals" (
      "seq" bigint NOT NULL,
      "eventId" bigint NOT NULL,
      "prevHash" character(64) NOT NULL,
      "hash" character(64) NOT NULL,
      "sealedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_audit_seals" PRIMARY KEY ("seq"),
      CONSTRAINT "UQ_audit_seals_eventId" UNIQUE ("eventId"),
      CONSTRAINT "FK_audit_seals_event" FOREIGN KEY ("eventId") REFERENCES "audit_events"("id")
    )`);

    // What a seal covers: every column of the event, in a fixed order, as PostgreSQL prints it.
    await queryRunner.query(`CREATE FUNCTION ruta_audit_canonical(e audit_events) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT concat_ws('|', e."id", to_char(e."occurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        coalesce(e."actorUserId"::text, ''), coalesce(e."actorInstitutionId"::text, ''), coalesce(e."actorRole", ''),
        e."action", coalesce(e."entityType", ''), coalesce(e."entityId", ''), e."outcome", coalesce(e."requestId", ''),
        coalesce(e."ip", ''), coalesce(e."details"::text, ''))
    $$`);

    await makeAppendOnly(queryRunner, 'audit_events');
    await makeAppendOnly(queryRunner, 'audit_seals');

    await enableRowLevelSecurity(queryRunner, 'audit_events', {
      using: `ruta_ctx_system() OR ruta_ctx_has_permission('audit:read')`,
      check: 'true',
      commands: ['SELECT', 'INSERT'],
    });
    await enableRowLevelSecurity(queryRunner, 'audit_seals', {
      using: `ruta_ctx_system() OR ruta_ctx_has_permission('audit:read')`,
      check: 'ruta_ctx_system()',
      commands: ['SELECT', 'INSERT'],
    });
    // Users: administrators and auditors see everyone, staff of all-case scopes too; everybody else their institution.
    const usersVisible = `ruta_ctx_system() OR ruta_ctx_has_permission('users:manage') OR ruta_ctx_has_permission('audit:read')
      OR ruta_ctx_scope() IN ('all', 'all_pseudonymised') OR "institutionId" = ruta_ctx_institution() OR "id" = ruta_ctx_user()`;
    await enableRowLevelSecurity(queryRunner, 'users', { using: usersVisible, commands: ['SELECT'] });
    await enableRowLevelSecurity(queryRunner, 'users', {
      using: `ruta_ctx_system() OR ruta_ctx_has_permission('users:manage') OR "id" = ruta_ctx_user()`,
      commands: ['INSERT', 'UPDATE'],
    });
    // Administrators revoke other users' sessions (deactivation, password reset); everyone else only their own.
    await enableRowLevelSecurity(queryRunner, 'sessions', {
      using: `ruta_ctx_system() OR "userId" = ruta_ctx_user() OR ruta_ctx_has_permission('users:manage')`,
      commands: ['SELECT', 'INSERT', 'UPDATE'],
    });
    await queryRunner.query(`REVOKE DELETE ON "users", "sessions" FROM ${APP_ROLE}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['sessions', 'users', 'audit_seals', 'audit_events']) await disableRowLevelSecurity(queryRunner, table);
    await queryRunner.query(`DROP TABLE "audit_seals"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
    await queryRunner.query(`DROP FUNCTION ruta_audit_canonical(audit_events)`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "roles"`);
  }
}
