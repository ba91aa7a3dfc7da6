import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, disableRowLevelSecurity, enableRowLevelSecurity, makeAppendOnly } from './rls';

const CASE_TABLES = [
  'assistance_alerts',
  'assistance_closure_requests',
  'assistance_follow_ups',
  'risk_assessments',
  'assistance_phase_timers',
  'assistance_services',
  'assistance_plans',
];

/**
 * Assistance (issue 10): IOM caseworkers' plans and services on the Law 985 timelines, needs and risk assessments,
 * follow-ups, legal phase timers, closure with approval, alerts, and the directory of service providers.
 *
 * Every table that refers to a case follows the case (`ruta_case_visible()`) and needs `assistance:read` to be read,
 * `assistance:manage` to be written. A phase timer is started by whoever moves the case into the phase (any role that
 * can see the case), and marked overdue by the system job. Risk assessments and follow-ups are a history: append-only.
 * A closure request is decided by someone else with `assistance:approve`, or by its author with
 * `assistance:self_approve`. Alerts are read only by the user they are for.
 */
export class Assistance1764404300000 implements MigrationInterface {
  name = 'Assistance1764404300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.createTables(queryRunner);
    await this.enableSecurity(queryRunner);
  }

  private async createTables(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "service_providers" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "name" character varying(200) NOT NULL,
      "institutionId" uuid,
      "categories" text array NOT NULL DEFAULT '{}',
      "departmentCodes" text array NOT NULL DEFAULT '{}',
      "active" boolean NOT NULL DEFAULT true,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL,
      CONSTRAINT "PK_service_providers" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_service_providers_name" UNIQUE ("name"),
      CONSTRAINT "FK_service_providers_institution" FOREIGN KEY ("institutionId") REFERENCES "institutions"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_service_providers_categories" ON "service_providers" USING gin ("categories")`);

    await queryRunner.query(`CREATE TABLE "assistance_plans" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "caseId" uuid NOT NULL,
      "objectives" text NOT NULL,
      "createdById" uuid NOT NULL,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL,
      CONSTRAINT "PK_assistance_plans" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_assistance_plans_case" UNIQUE ("caseId"),
      CONSTRAINT "FK_assistance_plans_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id"),
      CONSTRAINT "FK_assistance_plans_created_by" FOREIGN KEY ("createdById") REFERENCES "users"("id")
    )`);

    await queryRunner.query(`CREATE TABLE "assistance_services" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "planId" uuid NOT NULL,
      "caseId" uuid NOT NULL,
      "phase" character varying(20) NOT NULL,
      "category" character varying(30) NOT NULL,
      "beneficiary" character varying(20) NOT NULL DEFAULT 'victim',
      "providerInstitutionId" uuid,
      "providerId" uuid,
      "status" character varying(20) NOT NULL DEFAULT 'planned',
      "plannedOn" date NOT NULL,
      "dueOn" date,
      "startedOn" date,
      "deliveredOn" date,
      "costCop" bigint,
      "notes" text,
      "consentId" uuid,
      "createdById" uuid NOT NULL,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL,
      CONSTRAINT "PK_assistance_services" PRIMARY KEY ("id"),
      CONSTRAINT "FK_assistance_services_plan" FOREIGN KEY ("planId") REFERENCES "assistance_plans"("id"),
      CONSTRAINT "FK_assistance_services_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id"),
      CONSTRAINT "FK_assistance_services_institution" FOREIGN KEY ("providerInstitutionId") REFERENCES "institutions"("id"),
      CONSTRAINT "FK_assistance_services_provider" FOREIGN KEY ("providerId") REFERENCES "service_providers"("id"),
      CONSTRAINT "FK_assistance_services_consent" FOREIGN KEY ("consentId") REFERENCES "consents"("id"),
      CONSTRAINT "FK_assistance_services_created_by" FOREIGN KEY ("createdById") REFERENCES "users"("id"),
      CONSTRAINT "CHK_assistance_services_cost" CHECK ("costCop" IS NULL OR "costCop" >= 0),
      CONSTRAINT "CHK_assistance_services_delivered" CHECK (("status" = 'delivered') = ("deliveredOn" IS NOT NULL))
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_assistance_services_case" ON "assistance_services" ("caseId", "createdAt")`);
    await queryRunner.query(`CREATE INDEX "IDX_assistance_services_delivered" ON "assistance_services" ("deliveredOn") WHERE "deliveredOn" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_assistance_services_open_due" ON "assistance_services" ("dueOn") WHERE "status" IN ('planned', 'in_progress')`);
    await queryRunner.query(`CREATE INDEX "IDX_assistance_services_provider" ON "assistance_services" ("providerId")`);
    await queryRunner.query(`CREATE INDEX "IDX_assistance_services_consent" ON "assistance_services" ("consentId")`);

    await queryRunner.query(`CREATE TABLE "assistance_phase_timers" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "caseId" uuid NOT NULL,
      "phase" character varying(20) NOT NULL,
      "startedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
      "deadlineAt" TIMESTAMP WITH TIME ZONE NOT NULL,
      "extendedAt" TIMESTAMP WITH TIME ZONE,
      "extendedById" uuid,
      "extensionJustification" text,
      "overdueAt" TIMESTAMP WITH TIME ZONE,
      "endedAt" TIMESTAMP WITH TIME ZONE,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL,
      CONSTRAINT "PK_assistance_phase_timers" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_assistance_phase_timers_entry" UNIQUE ("caseId", "phase", "startedAt"),
      CONSTRAINT "FK_assistance_phase_timers_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id"),
      CONSTRAINT "FK_assistance_phase_timers_extended_by" FOREIGN KEY ("extendedById") REFERENCES "users"("id"),
      CONSTRAINT "CHK_assistance_phase_timers_extension" CHECK (("extendedAt" IS NULL) = ("extensionJustification" IS NULL))
    )`);
    // The job's scan: running timers not yet marked.
    await queryRunner.query(`CREATE INDEX "IDX_assistance_phase_timers_running" ON "assistance_phase_timers" ("deadlineAt") WHERE "overdueAt" IS NULL AND "endedAt" IS NULL`);

    await queryRunner.query(`CREATE TABLE "risk_assessments" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "caseId" uuid NOT NULL,
      "kind" character varying(20) NOT NULL,
      "level" character varying(20) NOT NULL,
      "threats" text array NOT NULL DEFAULT '{}',
      "measures" text,
      "nextReviewOn" date,
      "assessedById" uuid NOT NULL,
      "assessedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_risk_assessments" PRIMARY KEY ("id"),
      CONSTRAINT "FK_risk_assessments_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id"),
      CONSTRAINT "FK_risk_assessments_by" FOREIGN KEY ("assessedById") REFERENCES "users"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_risk_assessments_case" ON "risk_assessments" ("caseId", "assessedAt")`);

    await queryRunner.query(`CREATE TABLE "assistance_follow_ups" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "caseId" uuid NOT NULL,
      "contactOn" date NOT NULL,
      "channel" character varying(20) NOT NULL,
      "outcome" character varying(20) NOT NULL,
      "notes" text,
      "nextOn" date,
      "byUserId" uuid NOT NULL,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_assistance_follow_ups" PRIMARY KEY ("id"),
      CONSTRAINT "FK_assistance_follow_ups_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id"),
      CONSTRAINT "FK_assistance_follow_ups_by" FOREIGN KEY ("byUserId") REFERENCES "users"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_assistance_follow_ups_case" ON "assistance_follow_ups" ("caseId", "createdAt")`);
    await queryRunner.query(`CREATE INDEX "IDX_assistance_follow_ups_next" ON "assistance_follow_ups" ("nextOn") WHERE "nextOn" IS NOT NULL`);

    await queryRunner.query(`CREATE TABLE "assistance_closure_requests" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "caseId" uuid NOT NULL,
      "caseCode" character varying(20) NOT NULL,
      "institutionId" uuid NOT NULL,
      "reason" character varying(20) NOT NULL,
      "note" text,
      "status" character varying(20) NOT NULL DEFAULT 'pending',
      "requestedById" uuid NOT NULL,
      "decidedById" uuid,
      "decidedAt" TIMESTAMP WITH TIME ZONE,
      "comment" text,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL,
      CONSTRAINT "PK_assistance_closure_requests" PRIMARY KEY ("id"),
      CONSTRAINT "FK_assistance_closure_requests_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id"),
      CONSTRAINT "FK_assistance_closure_requests_institution" FOREIGN KEY ("institutionId") REFERENCES "institutions"("id"),
      CONSTRAINT "FK_assistance_closure_requests_by" FOREIGN KEY ("requestedById") REFERENCES "users"("id"),
      CONSTRAINT "FK_assistance_closure_requests_decided_by" FOREIGN KEY ("decidedById") REFERENCES "users"("id"),
      CONSTRAINT "CHK_assistance_closure_requests_decided" CHECK (("status" = 'pending') = ("decidedAt" IS NULL))
    )`);
    // One pending request per case at a time.
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_assistance_closure_requests_pending" ON "assistance_closure_requests" ("caseId") WHERE "status" = 'pending'`);
    await queryRunner.query(`CREATE INDEX "IDX_assistance_closure_requests_inbox" ON "assistance_closure_requests" ("institutionId", "status", "createdAt", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_assistance_closure_requests_case" ON "assistance_closure_requests" ("caseId", "createdAt")`);

    await queryRunner.query(`CREATE TABLE "assistance_alerts" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "userId" uuid NOT NULL,
      "kind" character varying(30) NOT NULL,
      "caseId" uuid NOT NULL,
      "caseCode" character varying(20) NOT NULL,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "readAt" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_assistance_alerts" PRIMARY KEY ("id"),
      CONSTRAINT "FK_assistance_alerts_user" FOREIGN KEY ("userId") REFERENCES "users"("id"),
      CONSTRAINT "FK_assistance_alerts_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_assistance_alerts_user" ON "assistance_alerts" ("userId", "createdAt", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_assistance_alerts_case" ON "assistance_alerts" ("caseId")`);

    // Who gets an alert: the case's assignees and creator (the owner side), and the users of the case's institution who
    // approve assistance. Past users' row-level security (a caseworker cannot list her supervisors), returning ids only.
    await queryRunner.query(`CREATE FUNCTION ruta_assistance_alert(case_id uuid, alert_kind text, to_owner boolean, to_supervisors boolean) RETURNS integer
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE inserted integer;
      BEGIN
        INSERT INTO assistance_alerts ("userId", kind, "caseId", "caseCode")
        SELECT DISTINCT u.id, alert_kind, c.id, c.code
          FROM cases c JOIN users u ON u.active
         WHERE c.id = case_id
           AND (ruta_ctx_system() OR (ruta_ctx_has_permission('assistance:manage') AND ruta_case_in_scope(c.id, c."ownerInstitutionId", c."createdById")))
           AND ((to_owner AND (u.id = c."createdById" OR u.id IN (SELECT a."userId" FROM case_assignments a WHERE a."caseId" = c.id AND a."unassignedAt" IS NULL)))
             OR (to_supervisors AND u."institutionId" = c."ownerInstitutionId"
                 AND EXISTS (SELECT 1 FROM roles r WHERE r.id = u."roleId" AND 'assistance:approve' = ANY (r.permissions))))
           AND (ruta_ctx_system() OR u.id <> ruta_ctx_user());
        GET DIAGNOSTICS inserted = ROW_COUNT;
        RETURN inserted;
      END $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION ruta_assistance_alert(uuid, text, boolean, boolean) FROM PUBLIC`);

    // The one definition of "victims assisted" for reporting: distinct cases with a service delivered in the period, or
    // in progress and started by its end, by phase and category of those services and by the victim's sex, age band,
    // nationality and purpose. Aggregates only, past row-level security, for `indicators:read` (or the system).
    await queryRunner.query(`CREATE FUNCTION ruta_assistance_counts(p_from date, p_to date, p_institution uuid)
      RETURNS TABLE (dimension text, value text, victims integer)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF NOT (ruta_ctx_system() OR ruta_ctx_has_permission('indicators:read')) THEN
          RAISE EXCEPTION 'assistance counts need indicators:read' USING ERRCODE = '42501';
        END IF;
        RETURN QUERY
        WITH services AS (
          SELECT s."caseId", s.phase::text AS phase, s.category::text AS category FROM assistance_services s JOIN cases c ON c.id = s."caseId"
           WHERE ((s.status = 'delivered' AND s."deliveredOn" BETWEEN p_from AND p_to) OR (s.status = 'in_progress' AND s."startedOn" <= p_to))
             AND (p_institution IS NULL OR c."ownerInstitutionId" = p_institution)),
        assisted AS (
          SELECT DISTINCT ON (c.id) c.id, c."ageBand"::text AS age_band, c.purposes, v.sex::text AS sex, v.nationality::text AS nationality
            FROM cases c LEFT JOIN victims v ON v."caseId" = c.id WHERE c.id IN (SELECT "caseId" FROM services) ORDER BY c.id)
        SELECT 'total', '', count(*)::int FROM assisted
        UNION ALL SELECT 'phase', x.phase, count(DISTINCT x."caseId")::int FROM services x GROUP BY x.phase
        UNION ALL SELECT 'category', x.category, count(DISTINCT x."caseId")::int FROM services x GROUP BY x.category
        UNION ALL SELECT 'sex', COALESCE(a.sex, 'unknown'), count(*)::int FROM assisted a GROUP BY 2
        UNION ALL SELECT 'ageBand', COALESCE(a.age_band, 'unknown'), count(*)::int FROM assisted a GROUP BY 2
        UNION ALL SELECT 'nationality', COALESCE(a.nationality, 'unknown'), count(*)::int FROM assisted a GROUP BY 2
        UNION ALL SELECT 'purpose', p.purpose, count(*)::int
          FROM assisted a, unnest(CASE WHEN cardinality(a.purposes) = 0 THEN ARRAY['unknown'] ELSE a.purposes END) AS p(purpose) GROUP BY 2;
      END $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION ruta_assistance_counts(date, date, uuid) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ruta_assistance_counts(date, date, uuid) TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ruta_assistance_alert(uuid, text, boolean, boolean) TO ${APP_ROLE}`);
  }

  private async enableSecurity(queryRunner: QueryRunner): Promise<void> {
    const can = (permission: string) => `ruta_ctx_has_permission('${permission}')`;
    const visible = `ruta_case_visible("caseId")`;
    const read = `${visible} AND ${can('assistance:read')}`;
    const manage = `${visible} AND ${can('assistance:manage')}`;

    await enableRowLevelSecurity(queryRunner, 'service_providers', { using: `ruta_ctx_system() OR ruta_ctx_user() IS NOT NULL`, commands: ['SELECT'] });
    await enableRowLevelSecurity(queryRunner, 'service_providers', { using: can('institutions:manage'), commands: ['INSERT', 'UPDATE'] });

    await enableRowLevelSecurity(queryRunner, 'assistance_plans', { using: read, check: manage, commands: ['SELECT', 'INSERT', 'UPDATE'] });
    await enableRowLevelSecurity(queryRunner, 'assistance_services', { using: read, check: manage, commands: ['SELECT', 'INSERT', 'UPDATE'] });
    await enableRowLevelSecurity(queryRunner, 'risk_assessments', { using: read, check: `${manage} AND "assessedById" = ruta_ctx_user()`, commands: ['SELECT', 'INSERT'] });
    await enableRowLevelSecurity(queryRunner, 'assistance_follow_ups', { using: read, check: `${manage} AND "byUserId" = ruta_ctx_user()`, commands: ['SELECT', 'INSERT'] });

    // Started by whoever moves the case into the phase; extended by assistance staff; marked overdue by the system.
    // Phase dates only: whoever sees the case sees (and moves) its timers, so that leaving a phase ends them.
    await enableRowLevelSecurity(queryRunner, 'assistance_phase_timers', { using: `ruta_ctx_system() OR ${visible}`, commands: ['SELECT'] });
    await enableRowLevelSecurity(queryRunner, 'assistance_phase_timers', { using: 'false', check: `ruta_ctx_system() OR ${visible}`, commands: ['INSERT'] });
    await enableRowLevelSecurity(queryRunner, 'assistance_phase_timers', { using: `ruta_ctx_system() OR ${visible}`, commands: ['UPDATE'] });

    await enableRowLevelSecurity(queryRunner, 'assistance_closure_requests', { using: read, commands: ['SELECT'] });
    await enableRowLevelSecurity(queryRunner, 'assistance_closure_requests', {
      using: 'false',
      check: `${manage} AND "requestedById" = ruta_ctx_user() AND "institutionId" = ruta_ctx_institution() AND "status" = 'pending'`,
      commands: ['INSERT'],
    });
    // The decision: someone else with assistance:approve, or the author with assistance:self_approve.
    await enableRowLevelSecurity(queryRunner, 'assistance_closure_requests', {
      using: `${read} AND "status" = 'pending'`,
      check: `${read} AND (("decidedById" = ruta_ctx_user() AND ${can('assistance:approve')} AND "requestedById" <> ruta_ctx_user()) OR ("decidedById" = ruta_ctx_user() AND ${can('assistance:self_approve')}))`,
      commands: ['UPDATE'],
    });

    await enableRowLevelSecurity(queryRunner, 'assistance_alerts', { using: `"userId" = ruta_ctx_user()`, commands: ['SELECT', 'UPDATE'] });
    await enableRowLevelSecurity(queryRunner, 'assistance_alerts', { using: 'false', check: `ruta_ctx_system()`, commands: ['INSERT'] });

    await queryRunner.query(
      `REVOKE DELETE, TRUNCATE ON "service_providers", "assistance_plans", "assistance_services", "assistance_phase_timers", "assistance_closure_requests", "assistance_alerts" FROM ${APP_ROLE}`,
    );
    await makeAppendOnly(queryRunner, 'risk_assessments');
    await makeAppendOnly(queryRunner, 'assistance_follow_ups');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION ruta_assistance_counts(date, date, uuid)`);
    await queryRunner.query(`DROP FUNCTION ruta_assistance_alert(uuid, text, boolean, boolean)`);
    for (const table of [...CASE_TABLES, 'service_providers']) {
      await disableRowLevelSecurity(queryRunner, table);
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
