import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { parseCsv } from './csv';
import { APP_ROLE, disableRowLevelSecurity, enableRowLevelSecurity, makeAppendOnly } from './rls';

/** Tables of this migration that hold victim data, each under row-level security. */
const CASE_TABLES = [
  'saved_filters',
  'case_documents',
  'case_notes',
  'consents',
  'trafficking_events',
  'screenings',
  'victim_locations',
  'victims',
  'case_status_transitions',
  'case_assignments',
  'cases',
];

/**
 * Victim cases (issue 4): places (DIVIPOLA), cases, victims' identity, screening, trafficking situation, consent,
 * notes, documents, saved filters; row-level security on every table that holds victim data.
 *
 * Scale (1,000,000 cases). Every list is keyset-paginated on (sort key, id) and each filter has an index that also
 * serves the sort:
 * - scope `institution` list: IDX_cases_institution_created / IDX_cases_institution_updated, plus
 *   IDX_cases_institution_status_created when a status is chosen;
 * - scope `assigned`: IDX_cases_created_by + IDX_case_assignments_user, then the primary key;
 * - scopes that see every case: IDX_cases_created, IDX_cases_updated, IDX_cases_status_created,
 *   IDX_cases_department_created; purposes through the GIN IDX_cases_purposes; code through UQ_cases_code;
 * - name: the trigram GIN IDX_victims_search_name on the accent-free, lower-case `searchName`, with the
 *   word-similarity operator (`%>`) so that "jose peres" finds "José Pérez", through `ruta_search_victim_names()`
 *   (trigram operators are not leakproof, so RLS would otherwise forbid the index); document number:
 *   IDX_victims_document. Keyset conditions use plain comparisons (leakproof, so usable in index conditions under
 *   RLS), not row comparisons.
 * The API test e2e/api/cases-performance.e2e-spec.ts loads synthetic rows and asserts these plans with EXPLAIN.
 *
 * Row-level security: `ruta_case_in_scope()` is the one SQL statement of the record scopes (the service layer mirrors
 * it in CaseAccessService so that its own WHERE clause can use the indexes); child tables follow their case through
 * `ruta_case_visible()`. The `referred` scope sees no case until the referrals migration redefines
 * `ruta_case_in_scope()` to read its referrals table. SECURITY DEFINER functions (assignments, duplicate look-up,
 * the case's audit trail) rely on the migration owner bypassing row-level security, like seeding already does.
 */
export class Cases1764403400000 implements MigrationInterface {
  name = 'Cases1764403400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public`);
    // Lower case, no accents, only letters and digits separated by single spaces. IMMUTABLE so indexes may use it.
    await queryRunner.query(`CREATE FUNCTION ruta_normalize_name(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, coalesce(value, ''))), '[^a-z0-9]+', ' ', 'g')) $$`);

    await this.createPlaces(queryRunner);
    await this.createCases(queryRunner);
    await this.createAccessFunctions(queryRunner);
    await this.createVictims(queryRunner);
    await this.createCaseRecords(queryRunner);
    await this.createLookupFunctions(queryRunner);
    await this.enableCaseSecurity(queryRunner);
  }

  private async createPlaces(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "places" (
      "code" character varying(5) NOT NULL,
      "kind" character varying(12) NOT NULL,
      "name" character varying(120) NOT NULL,
      "departmentCode" character varying(2),
      CONSTRAINT "PK_places" PRIMARY KEY ("code")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_places_department_name" ON "places" ("departmentCode", "name")`);
    await queryRunner.query(`CREATE INDEX "IDX_places_kind_name" ON "places" ("kind", "name")`);
    // DANE's DIVIPOLA (March 2024): 33 departments, 1,122 municipalities and non-municipal areas.
    const [header, ...rows] = parseCsv(readFileSync(join(__dirname, 'data', 'divipola.csv'), 'utf8'));
    if (header.join(',') !== 'department_code,department_name,municipality_code,municipality_name') throw new Error('divipola.csv: unexpected header');
    const departments = new Map(rows.map((r) => [r[0], r[1]]));
    await queryRunner.query(
      `INSERT INTO "places" ("code", "kind", "name", "departmentCode")
       SELECT code, 'department', name, NULL FROM unnest($1::varchar[], $2::varchar[]) AS d(code, name)
       UNION ALL
       SELECT code, 'municipality', name, dept FROM unnest($3::varchar[], $4::varchar[], $5::varchar[]) AS m(code, name, dept)`,
      [[...departments.keys()], [...departments.values()], rows.map((r) => r[2]), rows.map((r) => r[3]), rows.map((r) => r[0])],
    );
    await queryRunner.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "places" FROM ${APP_ROLE}`);
  }

  private async createCases(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "case_code_seq"`);
    await queryRunner.query(`CREATE TABLE "cases" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "code" character varying(20) NOT NULL,
      "ownerInstitutionId" uuid NOT NULL,
      "createdById" uuid NOT NULL,
      "source" character varying(30) NOT NULL,
      "scope" character varying(20) NOT NULL,
      "direction" character varying(20),
      "identifiedOn" date NOT NULL,
      "departmentCode" character varying(2),
      "municipalityCode" character varying(5),
      "traffickingStatus" character varying(20) NOT NULL DEFAULT 'possible',
      "traffickingStatusInstitutionId" uuid,
      "traffickingStatusDecidedAt" TIMESTAMP WITH TIME ZONE,
      "status" character varying(30) NOT NULL DEFAULT 'received',
      "statusBeforeSuspension" character varying(30),
      "closeReason" character varying(30),
      "statusChangedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "minorAtIdentification" boolean,
      "minorAtExploitation" boolean,
      "childWelfareFlag" boolean NOT NULL DEFAULT false,
      "ageBand" character varying(8),
      "purposes" text array NOT NULL DEFAULT '{}',
      "labourSector" character varying(30),
      "sexualExploitationType" character varying(30),
      "meansOfControl" text array NOT NULL DEFAULT '{}',
      "recruiterRelation" character varying(20),
      "recruitmentMethod" character varying(30),
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL,
      CONSTRAINT "PK_cases" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_cases_code" UNIQUE ("code"),
      CONSTRAINT "FK_cases_owner_institution" FOREIGN KEY ("ownerInstitutionId") REFERENCES "institutions"("id"),
      CONSTRAINT "FK_cases_created_by" FOREIGN KEY ("createdById") REFERENCES "users"("id"),
      CONSTRAINT "FK_cases_status_institution" FOREIGN KEY ("traffickingStatusInstitutionId") REFERENCES "institutions"("id"),
      CONSTRAINT "FK_cases_department" FOREIGN KEY ("departmentCode") REFERENCES "places"("code"),
      CONSTRAINT "FK_cases_municipality" FOREIGN KEY ("municipalityCode") REFERENCES "places"("code")
    )`);
    const indexes: [string, string][] = [
      ['IDX_cases_created', '"createdAt", "id"'],
      ['IDX_cases_updated', '"updatedAt", "id"'],
      ['IDX_cases_institution_created', '"ownerInstitutionId", "createdAt", "id"'],
      ['IDX_cases_institution_updated', '"ownerInstitutionId", "updatedAt", "id"'],
      ['IDX_cases_institution_status_created', '"ownerInstitutionId", "status", "createdAt", "id"'],
      ['IDX_cases_status_created', '"status", "createdAt", "id"'],
      ['IDX_cases_department_created', '"departmentCode", "createdAt", "id"'],
      ['IDX_cases_created_by', '"createdById", "createdAt", "id"'],
    ];
    for (const [name, columns] of indexes) await queryRunner.query(`CREATE INDEX "${name}" ON "cases" (${columns})`);
    await queryRunner.query(`CREATE INDEX "IDX_cases_purposes" ON "cases" USING gin ("purposes")`);

    await queryRunner.query(`CREATE TABLE "case_assignments" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "caseId" uuid NOT NULL,
      "userId" uuid NOT NULL,
      "assignedById" uuid NOT NULL,
      "assignedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "unassignedAt" TIMESTAMP WITH TIME ZONE,
      "unassignedById" uuid,
      CONSTRAINT "PK_case_assignments" PRIMARY KEY ("id"),
      CONSTRAINT "FK_case_assignments_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id"),
      CONSTRAINT "FK_case_assignments_user" FOREIGN KEY ("userId") REFERENCES "users"("id"),
      CONSTRAINT "FK_case_assignments_assigned_by" FOREIGN KEY ("assignedById") REFERENCES "users"("id"),
      CONSTRAINT "FK_case_assignments_unassigned_by" FOREIGN KEY ("unassignedById") REFERENCES "users"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_case_assignments_case" ON "case_assignments" ("caseId")`);
    await queryRunner.query(`CREATE INDEX "IDX_case_assignments_user" ON "case_assignments" ("userId", "caseId")`);

    await queryRunner.query(`CREATE TABLE "case_status_transitions" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "caseId" uuid NOT NULL,
      "fromStatus" character varying(30),
      "toStatus" character varying(30) NOT NULL,
      "reason" character varying(30),
      "byUserId" uuid NOT NULL,
      "byInstitutionId" uuid NOT NULL,
      "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_case_status_transitions" PRIMARY KEY ("id"),
      CONSTRAINT "FK_case_status_transitions_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id"),
      CONSTRAINT "FK_case_status_transitions_user" FOREIGN KEY ("byUserId") REFERENCES "users"("id"),
      CONSTRAINT "FK_case_status_transitions_institution" FOREIGN KEY ("byInstitutionId") REFERENCES "institutions"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_case_status_transitions_case" ON "case_status_transitions" ("caseId", "at")`);
  }

  private async createAccessFunctions(queryRunner: QueryRunner): Promise<void> {
    // Reads assignments past their own row-level security (which depends on the case: a policy cycle otherwise).
    await queryRunner.query(`CREATE FUNCTION ruta_case_assigned_to_me(case_id uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
      $$ SELECT EXISTS (SELECT 1 FROM case_assignments a WHERE a."caseId" = case_id AND a."userId" = ruta_ctx_user() AND a."unassignedAt" IS NULL) $$`);
    // The record scopes of shared/src/access/record-scope.ts, in one place. 'referred': none until referrals exist.
    // Deliberately not inlinable (SET clause): as one opaque call the planner estimates it at a third of the rows, and
    // keeps walking the (institution, createdAt, id) index for a LIMITed list instead of sorting a bitmap of every row.
    await queryRunner.query(`CREATE FUNCTION ruta_case_in_scope(case_id uuid, owner_institution uuid, created_by uuid) RETURNS boolean
      LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
      SELECT ruta_ctx_system() OR (ruta_ctx_has_permission('cases:read') AND CASE ruta_ctx_scope()
        WHEN 'all' THEN true
        WHEN 'all_pseudonymised' THEN true
        WHEN 'institution' THEN owner_institution = ruta_ctx_institution()
        WHEN 'assigned' THEN created_by = ruta_ctx_user() OR ruta_case_assigned_to_me(case_id)
        ELSE false END)
    $$`);
    await queryRunner.query(`CREATE FUNCTION ruta_case_visible(case_id uuid) RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id) $$`);
  }

  private async createVictims(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "victims" (
      "caseId" uuid NOT NULL,
      "givenNames" character varying(200) NOT NULL,
      "familyNames" character varying(200),
      "aliases" text array NOT NULL DEFAULT '{}',
      "sex" character varying(20) NOT NULL,
      "genderIdentity" character varying(30),
      "birthDate" date,
      "estimatedAge" smallint,
      "nationality" character varying(2),
      "documentType" character varying(30),
      "documentNumber" character varying(40),
      "documentNumberNormalized" character varying(40),
      "languages" text array NOT NULL DEFAULT '{}',
      "ethnicity" character varying(30),
      "disability" character varying(30),
      "migrationStatus" character varying(30),
      "phone" character varying(40),
      "email" character varying(254),
      "currentLocation" character varying(300),
      "searchName" text,
      "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_victims" PRIMARY KEY ("caseId"),
      CONSTRAINT "FK_victims_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_victims_search_name" ON "victims" USING gin ("searchName" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "IDX_victims_document" ON "victims" ("documentNumberNormalized")`);
    await queryRunner.query(`CREATE INDEX "IDX_victims_birth_date" ON "victims" ("birthDate")`);
    await queryRunner.query(`CREATE FUNCTION ruta_victims_search_name() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW."searchName" := ruta_normalize_name(concat_ws(' ', NEW."givenNames", NEW."familyNames", array_to_string(NEW."aliases", ' ')));
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "victims_search_name" BEFORE INSERT OR UPDATE ON "victims" FOR EACH ROW EXECUTE FUNCTION ruta_victims_search_name()`);

    await queryRunner.query(`CREATE TABLE "victim_locations" (
      "caseId" uuid NOT NULL,
      "shelterLocation" character varying(300) NOT NULL,
      "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_victim_locations" PRIMARY KEY ("caseId"),
      CONSTRAINT "FK_victim_locations_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id")
    )`);
  }

  private async createCaseRecords(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "screenings" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "caseId" uuid NOT NULL,
      "screenedOn" date NOT NULL,
      "acts" text array NOT NULL DEFAULT '{}',
      "means" text array NOT NULL DEFAULT '{}',
      "purposes" text array NOT NULL DEFAULT '{}',
      "indicators" text array NOT NULL DEFAULT '{}',
      "result" character varying(30) NOT NULL,
      "interviewerUserId" uuid,
      "createdById" uuid NOT NULL,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_screenings" PRIMARY KEY ("id"),
      CONSTRAINT "FK_screenings_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id"),
      CONSTRAINT "FK_screenings_interviewer" FOREIGN KEY ("interviewerUserId") REFERENCES "users"("id"),
      CONSTRAINT "FK_screenings_created_by" FOREIGN KEY ("createdById") REFERENCES "users"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_screenings_case" ON "screenings" ("caseId", "screenedOn")`);

    await queryRunner.query(`CREATE TABLE "trafficking_events" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "caseId" uuid NOT NULL,
      "kind" character varying(20) NOT NULL,
      "countryCode" character varying(2) NOT NULL,
      "departmentCode" character varying(2),
      "municipalityCode" character varying(5),
      "startedOn" date,
      "endedOn" date,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_trafficking_events" PRIMARY KEY ("id"),
      CONSTRAINT "FK_trafficking_events_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id"),
      CONSTRAINT "FK_trafficking_events_department" FOREIGN KEY ("departmentCode") REFERENCES "places"("code"),
      CONSTRAINT "FK_trafficking_events_municipality" FOREIGN KEY ("municipalityCode") REFERENCES "places"("code")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_trafficking_events_case" ON "trafficking_events" ("caseId")`);

    await queryRunner.query(`CREATE TABLE "consents" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "caseId" uuid NOT NULL,
      "purpose" character varying(30) NOT NULL,
      "institutionId" uuid,
      "grantedBy" character varying(20) NOT NULL,
      "method" character varying(20) NOT NULL,
      "grantedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
      "revokedAt" TIMESTAMP WITH TIME ZONE,
      "recordedById" uuid NOT NULL,
      "revokedById" uuid,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_consents" PRIMARY KEY ("id"),
      CONSTRAINT "FK_consents_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id"),
      CONSTRAINT "FK_consents_institution" FOREIGN KEY ("institutionId") REFERENCES "institutions"("id"),
      CONSTRAINT "FK_consents_recorded_by" FOREIGN KEY ("recordedById") REFERENCES "users"("id"),
      CONSTRAINT "FK_consents_revoked_by" FOREIGN KEY ("revokedById") REFERENCES "users"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_consents_case_purpose" ON "consents" ("caseId", "purpose")`);

    await queryRunner.query(`CREATE TABLE "case_notes" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "caseId" uuid NOT NULL,
      "authorId" uuid NOT NULL,
      "authorInstitutionId" uuid NOT NULL,
      "restricted" boolean NOT NULL DEFAULT false,
      "body" text NOT NULL,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_case_notes" PRIMARY KEY ("id"),
      CONSTRAINT "FK_case_notes_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id"),
      CONSTRAINT "FK_case_notes_author" FOREIGN KEY ("authorId") REFERENCES "users"("id"),
      CONSTRAINT "FK_case_notes_institution" FOREIGN KEY ("authorInstitutionId") REFERENCES "institutions"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_case_notes_case" ON "case_notes" ("caseId", "createdAt")`);

    await queryRunner.query(`CREATE TABLE "case_documents" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "caseId" uuid NOT NULL,
      "kind" character varying(30) NOT NULL,
      "contentType" character varying(40) NOT NULL,
      "sizeBytes" integer NOT NULL,
      "sha256" character(64) NOT NULL,
      "content" bytea NOT NULL,
      "uploadedById" uuid NOT NULL,
      "uploadedByInstitutionId" uuid NOT NULL,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_case_documents" PRIMARY KEY ("id"),
      CONSTRAINT "FK_case_documents_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id"),
      CONSTRAINT "FK_case_documents_uploaded_by" FOREIGN KEY ("uploadedById") REFERENCES "users"("id"),
      CONSTRAINT "FK_case_documents_institution" FOREIGN KEY ("uploadedByInstitutionId") REFERENCES "institutions"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_case_documents_case" ON "case_documents" ("caseId", "createdAt")`);

    await queryRunner.query(`CREATE TABLE "saved_filters" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "userId" uuid NOT NULL,
      "name" character varying(100) NOT NULL,
      "filters" jsonb NOT NULL,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL,
      CONSTRAINT "PK_saved_filters" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_saved_filters_user_name" UNIQUE ("userId", "name"),
      CONSTRAINT "FK_saved_filters_user" FOREIGN KEY ("userId") REFERENCES "users"("id")
    )`);
  }

  private async createLookupFunctions(queryRunner: QueryRunner): Promise<void> {
    // Duplicate detection across every institution. It names the holding institution and, only for a case the
    // caller can already see, its code: never a person's data nor another scope's case.
    await queryRunner.query(`CREATE FUNCTION ruta_find_possible_duplicates(p_document text, p_name text, p_birth date, p_sex text, p_exclude uuid)
      RETURNS TABLE("institutionId" uuid, "matchedOn" text, "code" character varying)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      SELECT c."ownerInstitutionId", m.matched_on,
             CASE WHEN ruta_case_in_scope(c.id, c."ownerInstitutionId", c."createdById") THEN c.code END
      FROM (
        SELECT v."caseId", 'document'::text AS matched_on FROM victims v
         WHERE p_document IS NOT NULL AND v."documentNumberNormalized" = p_document
        UNION
        SELECT v."caseId", 'name_birth_date'::text FROM victims v
         WHERE p_name IS NOT NULL AND p_birth IS NOT NULL AND v."birthDate" = p_birth
           AND word_similarity(ruta_normalize_name(p_name), v."searchName") >= 0.6
           AND (p_sex IS NULL OR v."sex" = p_sex)
      ) m JOIN cases c ON c.id = m."caseId"
      WHERE (ruta_ctx_has_permission('cases:create') OR ruta_ctx_has_permission('cases:read'))
        AND c.id IS DISTINCT FROM p_exclude
      LIMIT 50
    $$`);
    // Name search. pg_trgm's operators are not leakproof, so under row-level security PostgreSQL may not use the
    // trigram index on victims; this function runs the index search past RLS and returns only case ids that the
    // caller's scope reaches, and only to a caller who may read identity. The caller joins them with cases (RLS again).
    await queryRunner.query(`CREATE FUNCTION ruta_search_victim_names(p_name text)
      RETURNS TABLE("caseId" uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 100 AS $$
      SELECT v."caseId" FROM victims v JOIN cases c ON c.id = v."caseId"
      WHERE ruta_ctx_has_permission('victim_identity:read') AND v."searchName" %> ruta_normalize_name(p_name)
        AND ruta_case_in_scope(c.id, c."ownerInstitutionId", c."createdById")
    $$`);
    // The audit trail of one case for its timeline, to whoever can see the case (audit_events itself is for auditors).
    await queryRunner.query(`CREATE FUNCTION ruta_case_audit_trail(p_case uuid, p_limit integer)
      RETURNS TABLE("id" bigint, "occurredAt" timestamptz, "actorUserId" uuid, "action" character varying, "details" jsonb)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      SELECT e.id, e."occurredAt", e."actorUserId", e.action, e.details FROM audit_events e
      WHERE e."entityType" = 'case' AND e."entityId" = p_case::text AND e.action NOT IN ('read', 'search')
        AND EXISTS (SELECT 1 FROM cases c WHERE c.id = p_case AND ruta_case_in_scope(c.id, c."ownerInstitutionId", c."createdById"))
      ORDER BY e.id DESC LIMIT p_limit
    $$`);
    for (const fn of ['ruta_case_assigned_to_me(uuid)', 'ruta_find_possible_duplicates(text, text, date, text, uuid)', 'ruta_search_victim_names(text)', 'ruta_case_audit_trail(uuid, integer)']) {
      await queryRunner.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${APP_ROLE}`);
    }
  }

  private async enableCaseSecurity(queryRunner: QueryRunner): Promise<void> {
    const visible = `ruta_case_visible("caseId")`;
    const can = (permission: string) => `ruta_ctx_has_permission('${permission}')`;
    const inScope = `ruta_case_in_scope("id", "ownerInstitutionId", "createdById")`;

    await enableRowLevelSecurity(queryRunner, 'cases', { using: inScope, commands: ['SELECT', 'UPDATE'] });
    await enableRowLevelSecurity(queryRunner, 'cases', {
      using: 'false',
      check: `ruta_ctx_system() OR (${can('cases:create')} AND "ownerInstitutionId" = ruta_ctx_institution() AND "createdById" = ruta_ctx_user())`,
      commands: ['INSERT'],
    });
    await enableRowLevelSecurity(queryRunner, 'case_assignments', { using: visible, commands: ['SELECT'] });
    await enableRowLevelSecurity(queryRunner, 'case_assignments', { using: `${visible} AND ${can('cases:assign')}`, commands: ['INSERT', 'UPDATE'] });
    await enableRowLevelSecurity(queryRunner, 'case_status_transitions', { using: visible, commands: ['SELECT'] });
    await enableRowLevelSecurity(queryRunner, 'case_status_transitions', {
      using: 'false',
      check: `${visible} AND "byUserId" = ruta_ctx_user() AND (${can('cases:transition')} OR ${can('cases:create')})`,
      commands: ['INSERT'],
    });
    // Identity: never for roles without victim_identity:read (coordinators see the code and age band only).
    await enableRowLevelSecurity(queryRunner, 'victims', { using: `${visible} AND ${can('victim_identity:read')}`, commands: ['SELECT'] });
    await enableRowLevelSecurity(queryRunner, 'victims', {
      using: 'false',
      check: `${visible} AND (${can('cases:create')} OR ${can('victim_identity:update')})`,
      commands: ['INSERT'],
    });
    await enableRowLevelSecurity(queryRunner, 'victims', {
      using: `${visible} AND ${can('victim_identity:read')}`,
      check: `${visible} AND ${can('victim_identity:update')}`,
      commands: ['UPDATE'],
    });
    // Shelter location: the most restricted field.
    const location = `${visible} AND ${can('victim_identity:read')} AND ${can('victim_location:read')}`;
    await enableRowLevelSecurity(queryRunner, 'victim_locations', { using: location, commands: ['SELECT', 'UPDATE'] });
    await enableRowLevelSecurity(queryRunner, 'victim_locations', { using: 'false', check: `${visible} AND ${can('victim_location:read')}`, commands: ['INSERT'] });
    await enableRowLevelSecurity(queryRunner, 'screenings', { using: visible, check: `${visible} AND (${can('cases:create')} OR ${can('cases:update')})`, commands: ['SELECT', 'INSERT'] });
    await enableRowLevelSecurity(queryRunner, 'trafficking_events', {
      using: visible,
      check: `${visible} AND (${can('cases:create')} OR ${can('cases:update')})`,
      commands: ['SELECT', 'INSERT', 'DELETE'],
    });
    await enableRowLevelSecurity(queryRunner, 'consents', {
      using: visible,
      check: `${visible} AND (${can('consent:manage')} OR ${can('cases:create')})`,
      commands: ['SELECT', 'INSERT', 'UPDATE'],
    });
    // A restricted note is read only inside its author's institution.
    await enableRowLevelSecurity(queryRunner, 'case_notes', {
      using: `${visible} AND ${can('notes:read')} AND (NOT "restricted" OR "authorInstitutionId" = ruta_ctx_institution())`,
      check: `${visible} AND ${can('notes:create')} AND "authorId" = ruta_ctx_user() AND "authorInstitutionId" = ruta_ctx_institution()`,
      commands: ['SELECT', 'INSERT'],
    });
    await enableRowLevelSecurity(queryRunner, 'case_documents', {
      using: `${visible} AND ${can('documents:read')}`,
      check: `${visible} AND ${can('documents:upload')} AND "uploadedById" = ruta_ctx_user()`,
      commands: ['SELECT', 'INSERT'],
    });
    await enableRowLevelSecurity(queryRunner, 'saved_filters', { using: `"userId" = ruta_ctx_user()` });

    await queryRunner.query(`REVOKE DELETE, TRUNCATE ON "cases", "victims", "victim_locations", "case_assignments", "screenings", "consents", "case_notes", "case_documents" FROM ${APP_ROLE}`);
    await makeAppendOnly(queryRunner, 'case_status_transitions');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of CASE_TABLES) await disableRowLevelSecurity(queryRunner, table);
    await queryRunner.query(`DROP FUNCTION ruta_case_audit_trail(uuid, integer)`);
    await queryRunner.query(`DROP FUNCTION ruta_search_victim_names(text)`);
    await queryRunner.query(`DROP FUNCTION ruta_find_possible_duplicates(text, text, date, text, uuid)`);
    for (const table of CASE_TABLES.filter((t) => t !== 'cases' && t !== 'case_assignments')) await queryRunner.query(`DROP TABLE "${table}"`);
    await queryRunner.query(`DROP FUNCTION ruta_victims_search_name()`);
    await queryRunner.query(`DROP FUNCTION ruta_case_visible(uuid)`);
    await queryRunner.query(`DROP FUNCTION ruta_case_in_scope(uuid, uuid, uuid)`);
    await queryRunner.query(`DROP FUNCTION ruta_case_assigned_to_me(uuid)`);
    await queryRunner.query(`DROP TABLE "case_assignments"`);
    await queryRunner.query(`DROP TABLE "cases"`);
    await queryRunner.query(`DROP SEQUENCE "case_code_seq"`);
    await queryRunner.query(`DROP TABLE "places"`);
    await queryRunner.query(`DROP FUNCTION ruta_normalize_name(text)`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS unaccent`);
  }
}
