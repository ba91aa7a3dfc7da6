import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './rls';

/** A case's members: its creator and every user with a live assignment to it, each once, `assigned` when assigned. */
const members = (row: 'OLD' | 'NEW') => `SELECT x."userId", bool_or(x.assigned) AS assigned FROM (
      SELECT ${row}."createdById" AS "userId", false AS assigned
      UNION ALL SELECT a."userId", true FROM case_assignments a WHERE a."caseId" = ${row}.id AND a."unassignedAt" IS NULL
    ) x WHERE x."userId" IS NOT NULL GROUP BY x."userId"`;

/**
 * Home counts of the `assigned` scope (caseworkers: the cases they created plus those assigned to them) without counting
 * cases, as `case_counts` does for whole institutions (issue 15: the caseworker's dashboard counted its cases live and
 * timed out at 1,000,000 cases).
 * - `case_member_counts`: per user and status, the cases the user is a member of, the minors among them and those the
 *   user holds a live assignment to ("assigned to me");
 * - `case_member_days`: per user, identification day and status, for the "identified in the last 30 days" figure (a
 *   range of a few rows).
 * Both are exact, kept in the writing transaction by triggers on `cases` (status, minor flag, identification date,
 * creator) and on `case_assignments` (assign, unassign, delete); the assignment trigger locks the case row (FOR SHARE)
 * so that it cannot interleave with a status change of the same case. Each user reads their own rows only.
 */
export class CaseMemberCounts1764405400000 implements MigrationInterface {
  name = 'CaseMemberCounts1764405400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "case_member_counts" (
      "userId" uuid NOT NULL,
      "status" character varying(30) NOT NULL,
      "total" integer NOT NULL,
      "minors" integer NOT NULL,
      "assigned" integer NOT NULL,
      CONSTRAINT "PK_case_member_counts" PRIMARY KEY ("userId", "status")
    )`);
    await queryRunner.query(`CREATE TABLE "case_member_days" (
      "userId" uuid NOT NULL,
      "identifiedOn" date NOT NULL,
      "status" character varying(30) NOT NULL,
      "total" integer NOT NULL,
      CONSTRAINT "PK_case_member_days" PRIMARY KEY ("userId", "identifiedOn", "status")
    )`);

    await queryRunner.query(`CREATE FUNCTION ruta_member_count(p_user uuid, p_status varchar, p_identified date, p_minor boolean, p_total integer, p_assigned integer)
      RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      INSERT INTO case_member_counts AS k ("userId", status, total, minors, assigned)
      VALUES (p_user, p_status, p_total, CASE WHEN p_minor THEN p_total ELSE 0 END, p_assigned)
      ON CONFLICT ("userId", status) DO UPDATE SET total = k.total + EXCLUDED.total, minors = k.minors + EXCLUDED.minors, assigned = k.assigned + EXCLUDED.assigned;
      INSERT INTO case_member_days AS d ("userId", "identifiedOn", status, total)
      SELECT p_user, p_identified, p_status, p_total WHERE p_total <> 0 AND p_identified IS NOT NULL
      ON CONFLICT ("userId", "identifiedOn", status) DO UPDATE SET total = d.total + EXCLUDED.total;
    $$`);
    await queryRunner.query(`REVOKE EXECUTE ON FUNCTION ruta_member_count(uuid, varchar, date, boolean, integer, integer) FROM PUBLIC`);

    // Cases: a new case counts for its creator; a change of status, minor flag, date or creator moves every member's
    // count; a deleted case leaves them (BEFORE DELETE: its assignments are still there to name the members).
    await queryRunner.query(`CREATE FUNCTION ruta_count_case_members() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE m record;
      BEGIN
        IF TG_OP = 'UPDATE' AND (NEW.status, NEW."minorAtIdentification", NEW."identifiedOn", NEW."createdById")
           IS NOT DISTINCT FROM (OLD.status, OLD."minorAtIdentification", OLD."identifiedOn", OLD."createdById") THEN
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          FOR m IN ${members('OLD')} LOOP
            PERFORM ruta_member_count(m."userId", OLD.status, OLD."identifiedOn", OLD."minorAtIdentification", -1, CASE WHEN m.assigned THEN -1 ELSE 0 END);
          END LOOP;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          FOR m IN ${members('NEW')} LOOP
            PERFORM ruta_member_count(m."userId", NEW.status, NEW."identifiedOn", NEW."minorAtIdentification", 1, CASE WHEN m.assigned THEN 1 ELSE 0 END);
          END LOOP;
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NULL END;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "cases_member_count" AFTER INSERT OR UPDATE OF "status", "minorAtIdentification", "identifiedOn", "createdById" ON "cases"
      FOR EACH ROW EXECUTE FUNCTION ruta_count_case_members()`);
    await queryRunner.query(`CREATE TRIGGER "cases_member_uncount" BEFORE DELETE ON "cases" FOR EACH ROW EXECUTE FUNCTION ruta_count_case_members()`);

    // Assignments: a user's first live assignment to a case makes them a member (unless they created it) and "assigned";
    // their last one ending undoes it. A case being deleted (cascade) is no longer found and counts nothing more.
    await queryRunner.query(`CREATE FUNCTION ruta_member_assignment(p_case uuid, p_user uuid, p_assignment uuid, p_delta integer)
      RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE c record;
      BEGIN
        SELECT status, "minorAtIdentification", "identifiedOn", "createdById" INTO c FROM cases WHERE id = p_case FOR SHARE;
        IF NOT FOUND THEN RETURN; END IF;
        IF EXISTS (SELECT 1 FROM case_assignments a WHERE a."caseId" = p_case AND a."userId" = p_user AND a."unassignedAt" IS NULL AND a.id <> p_assignment) THEN
          RETURN;
        END IF;
        PERFORM ruta_member_count(p_user, c.status, c."identifiedOn", c."minorAtIdentification", CASE WHEN p_user = c."createdById" THEN 0 ELSE p_delta END, p_delta);
      END $$`);
    await queryRunner.query(`REVOKE EXECUTE ON FUNCTION ruta_member_assignment(uuid, uuid, uuid, integer) FROM PUBLIC`);
    await queryRunner.query(`CREATE FUNCTION ruta_count_assignment_members() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."unassignedAt" IS NULL THEN
          PERFORM ruta_member_assignment(OLD."caseId", OLD."userId", OLD.id, -1);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."unassignedAt" IS NULL THEN
          PERFORM ruta_member_assignment(NEW."caseId", NEW."userId", NEW.id, 1);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "case_assignments_member_count" AFTER INSERT OR DELETE OR UPDATE OF "unassignedAt", "userId", "caseId" ON "case_assignments"
      FOR EACH ROW EXECUTE FUNCTION ruta_count_assignment_members()`);

    // What is there already, set-based.
    await queryRunner.query(`WITH m AS (
        SELECT "caseId", "userId", bool_or(assigned) AS assigned FROM (
          SELECT id AS "caseId", "createdById" AS "userId", false AS assigned FROM cases
          UNION ALL SELECT "caseId", "userId", true FROM case_assignments WHERE "unassignedAt" IS NULL
        ) x GROUP BY 1, 2
      ), joined AS (SELECT m."userId", m.assigned, c.status, c."identifiedOn", c."minorAtIdentification" FROM m JOIN cases c ON c.id = m."caseId"),
      counts AS (
        INSERT INTO case_member_counts ("userId", status, total, minors, assigned)
        SELECT "userId", status, count(*), count(*) FILTER (WHERE "minorAtIdentification"), count(*) FILTER (WHERE assigned) FROM joined GROUP BY 1, 2
      )
      INSERT INTO case_member_days ("userId", "identifiedOn", status, total)
      SELECT "userId", "identifiedOn", status, count(*) FROM joined GROUP BY 1, 2, 3`);

    for (const table of ['case_member_counts', 'case_member_days']) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`CREATE POLICY "${table}_select" ON "${table}" FOR SELECT TO ${APP_ROLE} USING (
        (SELECT ruta_ctx_system()) OR ((SELECT ruta_ctx_has_permission('cases:read')) AND "userId" = (SELECT ruta_ctx_user())))`);
      await queryRunner.query(`REVOKE ALL ON "${table}" FROM ${APP_ROLE}`);
      await queryRunner.query(`GRANT SELECT ON "${table}" TO ${APP_ROLE}`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "case_assignments_member_count" ON "case_assignments"`);
    await queryRunner.query(`DROP FUNCTION ruta_count_assignment_members()`);
    await queryRunner.query(`DROP FUNCTION ruta_member_assignment(uuid, uuid, uuid, integer)`);
    await queryRunner.query(`DROP TRIGGER "cases_member_uncount" ON "cases"`);
    await queryRunner.query(`DROP TRIGGER "cases_member_count" ON "cases"`);
    await queryRunner.query(`DROP FUNCTION ruta_count_case_members()`);
    await queryRunner.query(`DROP FUNCTION ruta_member_count(uuid, varchar, date, boolean, integer, integer)`);
    await queryRunner.query(`DROP TABLE "case_member_days"`);
    await queryRunner.query(`DROP TABLE "case_member_counts"`);
  }
}
