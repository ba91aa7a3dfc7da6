import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, disableRowLevelSecurity, enableRowLevelSecurity, makeAppendOnly } from './rls';

const TABLES = [
  'appeals',
  'hearings',
  'defendant_stage_events',
  'defendants',
  'proceeding_victims',
  'proceedings',
  'operation_traffickers',
  'trafficker_cases',
  'alleged_traffickers',
  'operation_cases',
  'operations',
];

/**
 * Investigations and prosecutions (issue 11): police/DAS operations, alleged traffickers, criminal proceedings with
 * their victims (cases), defendants each with their own Law 906 stage and its history, hearings and appeals.
 *
 * Investigation files are under legal reserve, the strictest access in Ruta:
 * - every row belongs to one institution (`institutionId`); its investigators and prosecutors (operations:read or
 *   proceedings:read, institution scope) read it, only they write it (operations:manage / proceedings:manage);
 * - coordinators (all_pseudonymised scope with proceedings:read / operations:read) read proceedings, defendants (sex,
 *   nationality, stage: no names), hearings, appeals, operations and the case links, for indicators and pseudonymised
 *   lists; never the alleged traffickers;
 * - everyone else (caseworkers, partners, operators) reads nothing; a caseworker gets the stage summary of the
 *   proceedings linked to a case in their scope through `ruta_case_proceeding_summary(case)` only.
 */
export class Prosecutions1764404400000 implements MigrationInterface {
  name = 'Prosecutions1764404400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.createTables(queryRunner);
    await this.enableSecurity(queryRunner);
    await this.createSummary(queryRunner);
  }

  private async createTables(queryRunner: QueryRunner): Promise<void> {
    const versioned = `"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT 1`;
    await queryRunner.query(`CREATE TABLE "operations" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "institutionId" uuid NOT NULL,
      "createdById" uuid NOT NULL,
      "name" character varying(200) NOT NULL,
      "occurredOn" date NOT NULL,
      "municipalityCode" character varying(5) NOT NULL,
      "type" character varying(20) NOT NULL,
      "arrests" integer NOT NULL DEFAULT 0,
      "description" text,
      ${versioned},
      CONSTRAINT "PK_operations" PRIMARY KEY ("id"),
      CONSTRAINT "FK_operations_institution" FOREIGN KEY ("institutionId") REFERENCES "institutions"("id"),
      CONSTRAINT "FK_operations_created_by" FOREIGN KEY ("createdById") REFERENCES "users"("id"),
      CONSTRAINT "FK_operations_place" FOREIGN KEY ("municipalityCode") REFERENCES "places"("code"),
      CONSTRAINT "CHK_operations_arrests" CHECK ("arrests" >= 0)
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_operations_institution_date" ON "operations" ("institutionId", "occurredOn", "id")`);
    await queryRunner.query(`CREATE TABLE "operation_cases" (
      "operationId" uuid NOT NULL,
      "caseId" uuid NOT NULL,
      CONSTRAINT "PK_operation_cases" PRIMARY KEY ("operationId", "caseId"),
      CONSTRAINT "FK_operation_cases_operation" FOREIGN KEY ("operationId") REFERENCES "operations"("id"),
      CONSTRAINT "FK_operation_cases_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_operation_cases_case" ON "operation_cases" ("caseId")`);

    await queryRunner.query(`CREATE TABLE "alleged_traffickers" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "institutionId" uuid NOT NULL,
      "createdById" uuid NOT NULL,
      "kind" character varying(20) NOT NULL,
      "name" character varying(200) NOT NULL,
      "aliases" text array NOT NULL DEFAULT '{}',
      "documentNumber" character varying(40),
      "nationality" character varying(2),
      "sex" character varying(20),
      "roles" text array NOT NULL DEFAULT '{}',
      "relationToVictim" text,
      "searchName" text GENERATED ALWAYS AS (ruta_normalize_name("name")) STORED,
      ${versioned},
      CONSTRAINT "PK_alleged_traffickers" PRIMARY KEY ("id"),
      CONSTRAINT "FK_alleged_traffickers_institution" FOREIGN KEY ("institutionId") REFERENCES "institutions"("id"),
      CONSTRAINT "FK_alleged_traffickers_created_by" FOREIGN KEY ("createdById") REFERENCES "users"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_alleged_traffickers_institution_name" ON "alleged_traffickers" ("institutionId", "searchName", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_alleged_traffickers_search_name" ON "alleged_traffickers" USING gin ("searchName" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "IDX_alleged_traffickers_document" ON "alleged_traffickers" ("documentNumber") WHERE "documentNumber" IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "trafficker_cases" (
      "traffickerId" uuid NOT NULL,
      "caseId" uuid NOT NULL,
      CONSTRAINT "PK_trafficker_cases" PRIMARY KEY ("traffickerId", "caseId"),
      CONSTRAINT "FK_trafficker_cases_trafficker" FOREIGN KEY ("traffickerId") REFERENCES "alleged_traffickers"("id"),
      CONSTRAINT "FK_trafficker_cases_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_trafficker_cases_case" ON "trafficker_cases" ("caseId")`);
    await queryRunner.query(`CREATE TABLE "operation_traffickers" (
      "operationId" uuid NOT NULL,
      "traffickerId" uuid NOT NULL,
      "arrested" boolean NOT NULL DEFAULT false,
      CONSTRAINT "PK_operation_traffickers" PRIMARY KEY ("operationId", "traffickerId"),
      CONSTRAINT "FK_operation_traffickers_operation" FOREIGN KEY ("operationId") REFERENCES "operations"("id"),
      CONSTRAINT "FK_operation_traffickers_trafficker" FOREIGN KEY ("traffickerId") REFERENCES "alleged_traffickers"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_operation_traffickers_trafficker" ON "operation_traffickers" ("traffickerId")`);

    await queryRunner.query(`CREATE TABLE "proceedings" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "institutionId" uuid NOT NULL,
      "createdById" uuid NOT NULL,
      "nunc" character(21) NOT NULL,
      "reportedOn" date NOT NULL,
      "municipalityCode" character varying(5) NOT NULL,
      "prosecutorUnit" character varying(200) NOT NULL,
      "prosecutorName" character varying(200) NOT NULL,
      "offences" text array NOT NULL,
      "otherOffence" character varying(200),
      "operationId" uuid,
      ${versioned},
      CONSTRAINT "PK_proceedings" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_proceedings_nunc" UNIQUE ("nunc"),
      CONSTRAINT "FK_proceedings_institution" FOREIGN KEY ("institutionId") REFERENCES "institutions"("id"),
      CONSTRAINT "FK_proceedings_created_by" FOREIGN KEY ("createdById") REFERENCES "users"("id"),
      CONSTRAINT "FK_proceedings_place" FOREIGN KEY ("municipalityCode") REFERENCES "places"("code"),
      CONSTRAINT "FK_proceedings_operation" FOREIGN KEY ("operationId") REFERENCES "operations"("id"),
      CONSTRAINT "CHK_proceedings_nunc" CHECK ("nunc" ~ '^[0-9]{21}$'),
      CONSTRAINT "CHK_proceedings_offences" CHECK (cardinality("offences") > 0)
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_proceedings_institution_reported" ON "proceedings" ("institutionId", "reportedOn", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_proceedings_reported" ON "proceedings" ("reportedOn", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_proceedings_operation" ON "proceedings" ("operationId") WHERE "operationId" IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "proceeding_victims" (
      "proceedingId" uuid NOT NULL,
      "caseId" uuid NOT NULL,
      "role" character varying(20) NOT NULL,
      "protectionMeasures" text array NOT NULL DEFAULT '{}',
      CONSTRAINT "PK_proceeding_victims" PRIMARY KEY ("proceedingId", "caseId"),
      CONSTRAINT "FK_proceeding_victims_proceeding" FOREIGN KEY ("proceedingId") REFERENCES "proceedings"("id"),
      CONSTRAINT "FK_proceeding_victims_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_proceeding_victims_case" ON "proceeding_victims" ("caseId")`);

    await queryRunner.query(`CREATE TABLE "defendants" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "proceedingId" uuid NOT NULL,
      "institutionId" uuid NOT NULL,
      "traffickerId" uuid NOT NULL,
      "ordinal" integer NOT NULL,
      "sex" character varying(20) NOT NULL,
      "nationality" character varying(2),
      "stage" character varying(30) NOT NULL DEFAULT 'noticia_criminal',
      "stageSince" date NOT NULL,
      "detention" boolean NOT NULL DEFAULT false,
      "prisonMonths" integer,
      "fineSmlmv" numeric(12, 2),
      "accessoryPenalties" text,
      "reparationOrdered" text,
      ${versioned},
      CONSTRAINT "PK_defendants" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_defendants_trafficker" UNIQUE ("proceedingId", "traffickerId"),
      CONSTRAINT "FK_defendants_proceeding" FOREIGN KEY ("proceedingId") REFERENCES "proceedings"("id"),
      CONSTRAINT "FK_defendants_institution" FOREIGN KEY ("institutionId") REFERENCES "institutions"("id"),
      CONSTRAINT "FK_defendants_trafficker" FOREIGN KEY ("traffickerId") REFERENCES "alleged_traffickers"("id"),
      CONSTRAINT "CHK_defendants_prison" CHECK ("prisonMonths" IS NULL OR "prisonMonths" BETWEEN 0 AND 1200)
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_defendants_trafficker" ON "defendants" ("traffickerId")`);

    await queryRunner.query(`CREATE TABLE "defendant_stage_events" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "defendantId" uuid NOT NULL,
      "proceedingId" uuid NOT NULL,
      "institutionId" uuid NOT NULL,
      "fromStage" character varying(30),
      "toStage" character varying(30) NOT NULL,
      "on" date NOT NULL,
      "shortcut" character varying(20),
      "hearingId" uuid,
      "detention" boolean NOT NULL DEFAULT false,
      "byUserId" uuid,
      "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_defendant_stage_events" PRIMARY KEY ("id"),
      CONSTRAINT "FK_defendant_stage_events_defendant" FOREIGN KEY ("defendantId") REFERENCES "defendants"("id"),
      CONSTRAINT "FK_defendant_stage_events_proceeding" FOREIGN KEY ("proceedingId") REFERENCES "proceedings"("id"),
      CONSTRAINT "FK_defendant_stage_events_user" FOREIGN KEY ("byUserId") REFERENCES "users"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_defendant_stage_events_defendant" ON "defendant_stage_events" ("defendantId", "at")`);
    // The indicators count entries into a stage in a period: (stage, date) first.
    await queryRunner.query(`CREATE INDEX "IDX_defendant_stage_events_stage_on" ON "defendant_stage_events" ("toStage", "on")`);

    await queryRunner.query(`CREATE TABLE "hearings" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "proceedingId" uuid NOT NULL,
      "institutionId" uuid NOT NULL,
      "defendantId" uuid,
      "at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "type" character varying(30) NOT NULL,
      "court" character varying(200) NOT NULL,
      "outcome" text,
      "nextAt" TIMESTAMP WITH TIME ZONE,
      "createdById" uuid NOT NULL,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_hearings" PRIMARY KEY ("id"),
      CONSTRAINT "FK_hearings_proceeding" FOREIGN KEY ("proceedingId") REFERENCES "proceedings"("id"),
      CONSTRAINT "FK_hearings_defendant" FOREIGN KEY ("defendantId") REFERENCES "defendants"("id"),
      CONSTRAINT "FK_hearings_created_by" FOREIGN KEY ("createdById") REFERENCES "users"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_hearings_proceeding_at" ON "hearings" ("proceedingId", "at")`);
    await queryRunner.query(`ALTER TABLE "defendant_stage_events" ADD CONSTRAINT "FK_defendant_stage_events_hearing" FOREIGN KEY ("hearingId") REFERENCES "hearings"("id")`);

    await queryRunner.query(`CREATE TABLE "appeals" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "proceedingId" uuid NOT NULL,
      "institutionId" uuid NOT NULL,
      "defendantId" uuid NOT NULL,
      "filedOn" date NOT NULL,
      "appellant" character varying(30) NOT NULL,
      "decision" character varying(20) NOT NULL DEFAULT 'pending',
      "decidedOn" date,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_appeals" PRIMARY KEY ("id"),
      CONSTRAINT "FK_appeals_proceeding" FOREIGN KEY ("proceedingId") REFERENCES "proceedings"("id"),
      CONSTRAINT "FK_appeals_defendant" FOREIGN KEY ("defendantId") REFERENCES "defendants"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_appeals_proceeding" ON "appeals" ("proceedingId", "filedOn")`);
  }

  private async enableSecurity(queryRunner: QueryRunner): Promise<void> {
    const can = (p: string) => `ruta_ctx_has_permission('${p}')`;
    const own = `"institutionId" = ruta_ctx_institution() AND ruta_ctx_scope() IN ('institution', 'all')`;
    const review = `ruta_ctx_scope() = 'all_pseudonymised'`;
    const fileRead = (p: string) => `ruta_ctx_system() OR (${can(p)} AND (${own} OR ${review}))`;
    const write = (p: string) => `ruta_ctx_system() OR (${can(p)} AND ${own})`;
    const anyRead = `(${can('operations:read')} OR ${can('proceedings:read')})`;
    const anyManage = `(${can('operations:manage')} OR ${can('proceedings:manage')})`;
    const rw = (table: string, read: string, check: string) =>
      enableRowLevelSecurity(queryRunner, table, { using: read, commands: ['SELECT'] }).then(() =>
        enableRowLevelSecurity(queryRunner, table, { using: check, check, commands: ['INSERT', 'UPDATE'] }),
      );
    const exists = (table: string, column: string) => `EXISTS (SELECT 1 FROM ${table} p WHERE p.id = "${column}")`;

    await rw('operations', fileRead('operations:read'), write('operations:manage'));
    await rw('operation_cases', exists('operations', 'operationId'), `${exists('operations', 'operationId')} AND ${can('operations:manage')} AND ruta_case_visible("caseId")`);
    // Alleged traffickers: the investigation file proper — never coordinators, never other institutions.
    await rw('alleged_traffickers', `ruta_ctx_system() OR (${anyRead} AND ${own})`, `ruta_ctx_system() OR (${anyManage} AND ${own})`);
    await rw('trafficker_cases', exists('alleged_traffickers', 'traffickerId'), `${exists('alleged_traffickers', 'traffickerId')} AND ${anyManage} AND ruta_case_visible("caseId")`);
    await rw('operation_traffickers', `${exists('alleged_traffickers', 'traffickerId')} AND ${exists('operations', 'operationId')}`, `${exists('alleged_traffickers', 'traffickerId')} AND ${exists('operations', 'operationId')} AND ${can('operations:manage')}`);
    await rw('proceedings', fileRead('proceedings:read'), write('proceedings:manage'));
    await rw('proceeding_victims', exists('proceedings', 'proceedingId'), `${exists('proceedings', 'proceedingId')} AND ${can('proceedings:manage')} AND ruta_case_visible("caseId")`);
    for (const table of ['defendants', 'hearings', 'appeals']) {
      await rw(table, `${fileRead('proceedings:read')} AND ${exists('proceedings', 'proceedingId')}`, `${write('proceedings:manage')} AND ${exists('proceedings', 'proceedingId')}`);
    }
    await enableRowLevelSecurity(queryRunner, 'defendant_stage_events', { using: fileRead('proceedings:read'), commands: ['SELECT'] });
    await enableRowLevelSecurity(queryRunner, 'defendant_stage_events', {
      using: 'false',
      check: `ruta_ctx_system() OR (${write('proceedings:manage')} AND "byUserId" = ruta_ctx_user())`,
      commands: ['INSERT'],
    });
    await queryRunner.query(`REVOKE DELETE, TRUNCATE ON ${TABLES.map((t) => `"${t}"`).join(', ')} FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE UPDATE ON "operation_cases", "trafficker_cases", "proceeding_victims" FROM ${APP_ROLE}`);
    await makeAppendOnly(queryRunner, 'defendant_stage_events');
  }

  private async createSummary(queryRunner: QueryRunner): Promise<void> {
    // What a user who reaches a case (and is no partner) may know of the proceedings it is linked to: the year, the
    // victim's role, each defendant's stage and the next hearing — never the number, names, charges or the file.
    await queryRunner.query(`CREATE FUNCTION ruta_case_proceeding_summary(case_id uuid)
      RETURNS TABLE("reportedYear" integer, "victimRole" character varying, "stages" text[], "nextAt" timestamptz, "nextType" character varying, "nextCourt" character varying)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      SELECT extract(year FROM p."reportedOn")::int, pv.role,
             coalesce((SELECT array_agg(d.stage::text ORDER BY d.ordinal) FROM defendants d WHERE d."proceedingId" = p.id), '{}'),
             h.at, h.type, h.court
      FROM cases c
      JOIN proceeding_victims pv ON pv."caseId" = c.id
      JOIN proceedings p ON p.id = pv."proceedingId"
      LEFT JOIN LATERAL (SELECT h.at, h.type, h.court FROM hearings h WHERE h."proceedingId" = p.id AND h.at >= now() ORDER BY h.at LIMIT 1) h ON true
      WHERE c.id = case_id AND ruta_ctx_scope() NOT IN ('referred', 'none')
        AND ruta_case_in_scope(c.id, c."ownerInstitutionId", c."createdById")
      ORDER BY p."reportedOn", p.id
    $$`);
    await queryRunner.query(`REVOKE EXECUTE ON FUNCTION ruta_case_proceeding_summary(uuid) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ruta_case_proceeding_summary(uuid) TO ${APP_ROLE}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION ruta_case_proceeding_summary(uuid)`);
    for (const table of TABLES) await disableRowLevelSecurity(queryRunner, table);
    await queryRunner.query(`ALTER TABLE "defendant_stage_events" DROP CONSTRAINT "FK_defendant_stage_events_hearing"`);
    for (const table of TABLES) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
