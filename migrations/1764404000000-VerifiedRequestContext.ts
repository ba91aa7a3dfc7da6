import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, SYSTEM_ROLE } from './rls';

/** The users' columns only the system role may read. A later migration that adds a users column grants it to ruta_app. */
export const USER_SECRET_COLUMNS = ['passwordHash', 'mfaSecret', 'recoveryCodeHashes'];

/** True for a login of the application (ruta_app or a member of it), not a superuser or the owner. */
const APPLICATION_LOGIN = `pg_has_role(session_user, '${APP_ROLE}', 'MEMBER') AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)`;

/**
 * The database derives the acting user from a verified session instead of trusting what the application role says.
 *
 * Before: each request set `ruta.user_id`, `ruta.scope`, `ruta.permissions` and `ruta.system` with set_config, and the
 * policies believed them, so any SQL run as `ruta_app` could claim to be the system. Now:
 * - a request calls `ruta_begin_request(token)` with its raw session token; that SECURITY DEFINER function finds the
 *   live session (hash, not revoked, not expired or idle, active user) and writes the actor's user, institution, role,
 *   scope and permissions into `ruta_request_contexts`, keyed by backend pid and transaction id; `ruta_app` may read
 *   its own row and write none. An unfinished login (second factor, enrolment, forced password change) gets no scope
 *   and no permissions;
 * - the `ruta_ctx_*()` functions read that row (inlinable SQL, one index look-up per transaction and statement);
 *   a transaction that did not begin a request, or a context left by an earlier transaction, gives nothing;
 * - system work (login look-ups, the audit sealer) connects as its own role `ruta_system`, with its own password:
 *   `ruta_ctx_system()` is `session_user = 'ruta_system'`, which no setting can change;
 * - `ruta_app` cannot read password hashes, TOTP secrets or recovery codes (column privileges), cannot change a user's
 *   role, institution or active flag without `users:manage`, and cannot choose the time or the actor of an audit event
 *   (a trigger stamps both).
 */
export class VerifiedRequestContext1764404000000 implements MigrationInterface {
  name = 'VerifiedRequestContext1764404000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${SYSTEM_ROLE}') THEN
        CREATE ROLE ${SYSTEM_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF;
    END $$`);
    // The system role has every privilege of the application role (and its policies apply to it), plus what follows.
    await queryRunner.query(`GRANT ${APP_ROLE} TO ${SYSTEM_ROLE}`);

    await queryRunner.query(`CREATE UNLOGGED TABLE "ruta_request_contexts" (
      "pid" integer NOT NULL,
      "xid" xid8 NOT NULL,
      "userId" uuid NOT NULL,
      "institutionId" uuid NOT NULL,
      "roleCode" character varying(40) NOT NULL,
      "scope" character varying(20) NOT NULL,
      "permissions" text array NOT NULL,
      CONSTRAINT "PK_ruta_request_contexts" PRIMARY KEY ("pid")
    )`);
    await queryRunner.query(`REVOKE ALL ON "ruta_request_contexts" FROM ${APP_ROLE}`);
    await queryRunner.query(`GRANT SELECT ON "ruta_request_contexts" TO ${APP_ROLE}`);
    await queryRunner.query(`ALTER TABLE "ruta_request_contexts" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "ruta_request_contexts" FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY "ruta_request_contexts_select" ON "ruta_request_contexts" FOR SELECT TO ${APP_ROLE}
      USING ("pid" = pg_backend_pid())`);

    const current = `FROM ruta_request_contexts WHERE pid = pg_backend_pid() AND xid = pg_current_xact_id_if_assigned()`;
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ruta_ctx_user() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT (SELECT "userId" ${current}) $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ruta_ctx_institution() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT (SELECT "institutionId" ${current}) $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ruta_ctx_scope() RETURNS text LANGUAGE sql STABLE AS
      $$ SELECT COALESCE((SELECT scope::text ${current}), 'none') $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ruta_ctx_has_permission(permission text) RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT COALESCE((SELECT permission = ANY(permissions) ${current}), false) $$`);
    await queryRunner.query(`CREATE FUNCTION ruta_ctx_role() RETURNS text LANGUAGE sql STABLE AS
      $$ SELECT (SELECT "roleCode"::text ${current}) $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ruta_ctx_system() RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT session_user = '${SYSTEM_ROLE}'::name $$`);

    await queryRunner.query(`CREATE FUNCTION ruta_begin_request(token text) RETURNS boolean
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        DELETE FROM ruta_request_contexts WHERE pid = pg_backend_pid();
        INSERT INTO ruta_request_contexts (pid, xid, "userId", "institutionId", "roleCode", scope, permissions)
        SELECT pg_backend_pid(), pg_current_xact_id(), u.id, u."institutionId", r.code,
               CASE WHEN done THEN r.scope ELSE 'none' END, CASE WHEN done THEN r.permissions ELSE '{}'::text[] END
        FROM sessions s
        JOIN users u ON u.id = s."userId"
        JOIN roles r ON r.id = u."roleId"
        CROSS JOIN LATERAL (SELECT (s."mfaVerified" OR NOT (u."mfaEnabled" OR r."requiresMfa")) AND NOT u."mustChangePassword" AS done) stage
        WHERE s."tokenHash" = encode(sha256(convert_to(token, 'UTF8')), 'hex')
          AND s."revokedAt" IS NULL AND s."expiresAt" > now() AND s."lastSeenAt" > now() - interval '30 minutes'
          AND u.active;
        RETURN FOUND;
      END $$`);
    await queryRunner.query(`REVOKE EXECUTE ON FUNCTION ruta_begin_request(text) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ruta_begin_request(text) TO ${APP_ROLE}`);

    // Secrets of the users table: readable by the system role only.
    await queryRunner.query(`REVOKE SELECT ON "users" FROM ${APP_ROLE}`);
    await queryRunner.query(`DO $$ BEGIN
      EXECUTE (SELECT format('GRANT SELECT (%s) ON "users" TO ${APP_ROLE}', string_agg(quote_ident(column_name), ', '))
               FROM information_schema.columns
               WHERE table_schema = 'public' AND table_name = 'users'
                 AND column_name NOT IN (${USER_SECRET_COLUMNS.map((c) => `'${c}'`).join(', ')}));
    END $$`);
    await queryRunner.query(`GRANT SELECT ON "users" TO ${SYSTEM_ROLE}`);

    // Who a user is (role, institution, active) changes only with users:manage, whatever row the policy lets one update.
    await queryRunner.query(`CREATE FUNCTION ruta_guard_user_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW."roleId", NEW."institutionId", NEW."active") IS DISTINCT FROM (OLD."roleId", OLD."institutionId", OLD."active")
           AND NOT (ruta_ctx_system() OR ruta_ctx_has_permission('users:manage')) AND ${APPLICATION_LOGIN} THEN
          RAISE EXCEPTION 'changing a user''s role, institution or active flag needs users:manage' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "users_guard_change" BEFORE UPDATE ON "users" FOR EACH ROW EXECUTE FUNCTION ruta_guard_user_change()`);

    // Audit events: the database stamps the time always, and the actor for the application role.
    await queryRunner.query(`CREATE FUNCTION ruta_audit_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW."occurredAt" := clock_timestamp();
        IF NOT ruta_ctx_system() AND ${APPLICATION_LOGIN} THEN
          NEW."actorUserId" := ruta_ctx_user();
          NEW."actorInstitutionId" := ruta_ctx_institution();
          NEW."actorRole" := ruta_ctx_role();
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "audit_events_stamp" BEFORE INSERT ON "audit_events" FOR EACH ROW EXECUTE FUNCTION ruta_audit_stamp()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_events_stamp" ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION ruta_audit_stamp()`);
    await queryRunner.query(`DROP TRIGGER "users_guard_change" ON "users"`);
    await queryRunner.query(`DROP FUNCTION ruta_guard_user_change()`);
    await queryRunner.query(`REVOKE SELECT ON "users" FROM ${SYSTEM_ROLE}`);
    await queryRunner.query(`GRANT SELECT ON "users" TO ${APP_ROLE}`);
    await queryRunner.query(`DROP FUNCTION ruta_begin_request(text)`);
    await queryRunner.query(`DROP FUNCTION ruta_ctx_role()`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ruta_ctx_user() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT NULLIF(current_setting('ruta.user_id', true), '')::uuid $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ruta_ctx_institution() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT NULLIF(current_setting('ruta.institution_id', true), '')::uuid $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ruta_ctx_scope() RETURNS text LANGUAGE sql STABLE AS
      $$ SELECT COALESCE(NULLIF(current_setting('ruta.scope', true), ''), 'none') $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ruta_ctx_has_permission(permission text) RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT permission = ANY(string_to_array(COALESCE(current_setting('ruta.permissions', true), ''), ',')) $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ruta_ctx_system() RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT COALESCE(current_setting('ruta.system', true), '') = 'on' $$`);
    await queryRunner.query(`DROP TABLE "ruta_request_contexts"`);
    await queryRunner.query(`REVOKE ${APP_ROLE} FROM ${SYSTEM_ROLE}`);
  }
}
