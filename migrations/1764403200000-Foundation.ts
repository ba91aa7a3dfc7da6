import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './rls';

/**
 * The application role, the request-context functions that row-level security policies read, and institutions.
 */
export class Foundation1764403200000 implements MigrationInterface {
  name = 'Foundation1764403200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF;
    END $$`);
    await queryRunner.query(`DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO ${APP_ROLE}', current_database()); END $$`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`);

    // Request context, set per transaction by the server with set_config(..., true).
    await queryRunner.query(`CREATE FUNCTION ruta_ctx_user() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT NULLIF(current_setting('ruta.user_id', true), '')::uuid $$`);
    await queryRunner.query(`CREATE FUNCTION ruta_ctx_institution() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT NULLIF(current_setting('ruta.institution_id', true), '')::uuid $$`);
    await queryRunner.query(`CREATE FUNCTION ruta_ctx_scope() RETURNS text LANGUAGE sql STABLE AS
      $$ SELECT COALESCE(NULLIF(current_setting('ruta.scope', true), ''), 'none') $$`);
    await queryRunner.query(`CREATE FUNCTION ruta_ctx_has_permission(permission text) RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT permission = ANY(string_to_array(COALESCE(current_setting('ruta.permissions', true), ''), ',')) $$`);
    await queryRunner.query(`CREATE FUNCTION ruta_ctx_system() RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT COALESCE(current_setting('ruta.system', true), '') = 'on' $$`);
    await queryRunner.query(`CREATE FUNCTION ruta_reject_change() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END $$`);

    await queryRunner.query(`CREATE TABLE "institutions" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "code" character varying(40) NOT NULL,
      "name" character varying(200) NOT NULL,
      "type" character varying(40) NOT NULL,
      "active" boolean NOT NULL DEFAULT true,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL,
      CONSTRAINT "PK_institutions" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_institutions_code" UNIQUE ("code")
    )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "institutions"`);
    for (const fn of ['ruta_reject_change()', 'ruta_ctx_system()', 'ruta_ctx_has_permission(text)', 'ruta_ctx_scope()', 'ruta_ctx_institution()', 'ruta_ctx_user()']) {
      await queryRunner.query(`DROP FUNCTION ${fn}`);
    }
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${APP_ROLE}`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM ${APP_ROLE}`);
    await queryRunner.query(`DO $$ BEGIN EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM ${APP_ROLE}', current_database()); END $$`);
  }
}
