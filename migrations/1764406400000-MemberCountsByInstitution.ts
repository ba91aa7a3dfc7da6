import { MigrationInterface, QueryRunner } from 'typeorm';

/** A case's members: its creator and every user with a live assignment to it, each once, `assigned` when assigned. */
const members = (row: 'OLD' | 'NEW') => `SELECT x."userId", bool_or(x.assigned) AS assigned FROM (
      SELECT ${row}."createdById" AS "userId", false AS assigned
      UNION ALL SELECT a."userId", true FROM case_assignments a WHERE a."caseId" = ${row}.id AND a."unassignedAt" IS NULL
    ) x WHERE x."userId" IS NOT NULL GROUP BY x."userId"`;

/**
 * The functions and trigger of `case_member_counts`, with its rows keyed by the case's institution too (`byInstitution`)
 * or as migration 1764405400000-CaseMemberCounts made them (the down migration).
 */
function memberCountSql(byInstitution: boolean): { countFunction: string; caseTrigger: string; caseTriggerColumns: string; assignmentFunction: string } {
  const institution = (row: string) => (byInstitution ? `${row}."ownerInstitutionId", ` : '');
  return {
    countFunction: `CREATE FUNCTION ruta_member_count(p_user uuid, ${byInstitution ? 'p_institution uuid, ' : ''}p_status varchar, p_identified date, p_minor boolean, p_total integer, p_assigned integer)
      RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      INSERT INTO case_member_counts AS k ("userId", ${byInstitution ? '"institutionId", ' : ''}status, total, minors, assigned)
      VALUES (p_user, ${byInstitution ? 'p_institution, ' : ''}p_status, p_total, CASE WHEN p_minor THEN p_total ELSE 0 END, p_assigned)
      ON CONFLICT ("userId", ${byInstitution ? '"institutionId", ' : ''}status) DO UPDATE SET total = k.total + EXCLUDED.total, minors = k.minors + EXCLUDED.minors, assigned = k.assigned + EXCLUDED.assigned;
      INSERT INTO case_member_days AS d ("userId", "identifiedOn", status, total)
      SELECT p_user, p_identified, p_status, p_total WHERE p_total <> 0 AND p_identified IS NOT NULL
      ON CONFLICT ("userId", "identifiedOn", status) DO UPDATE SET total = d.total + EXCLUDED.total;
    $$`,
    caseTrigger: `CREATE OR REPLACE FUNCTION ruta_count_case_members() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE m record;
      BEGIN
        IF TG_OP = 'UPDATE' AND (${institution('NEW')}NEW.status, NEW."minorAtIdentification", NEW."identifiedOn", NEW."createdById")
           IS NOT DISTINCT FROM (${institution('OLD')}OLD.status, OLD."minorAtIdentification", OLD."identifiedOn", OLD."createdById") THEN
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          FOR m IN ${members('OLD')} LOOP
            PERFORM ruta_member_count(m."userId", ${institution('OLD')}OLD.status, OLD."identifiedOn", OLD."minorAtIdentification", -1, CASE WHEN m.assigned THEN -1 ELSE 0 END);
          END LOOP;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          FOR m IN ${members('NEW')} LOOP
            PERFORM ruta_member_count(m."userId", ${institution('NEW')}NEW.status, NEW."identifiedOn", NEW."minorAtIdentification", 1, CASE WHEN m.assigned THEN 1 ELSE 0 END);
          END LOOP;
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NULL END;
      END $$`,
    caseTriggerColumns: `${byInstitution ? '"ownerInstitutionId", ' : ''}"status", "minorAtIdentification", "identifiedOn", "createdById"`,
    assignmentFunction: `CREATE OR REPLACE FUNCTION ruta_member_assignment(p_case uuid, p_user uuid, p_assignment uuid, p_delta integer)
      RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE c record;
      BEGIN
        SELECT ${institution('cases')}status, "minorAtIdentification", "identifiedOn", "createdById" INTO c FROM cases WHERE id = p_case FOR SHARE;
        IF NOT FOUND THEN RETURN; END IF;
        IF EXISTS (SELECT 1 FROM case_assignments a WHERE a."caseId" = p_case AND a."userId" = p_user AND a."unassignedAt" IS NULL AND a.id <> p_assignment) THEN
          RETURN;
        END IF;
        PERFORM ruta_member_count(p_user, ${institution('c')}c.status, c."identifiedOn", c."minorAtIdentification", CASE WHEN p_user = c."createdById" THEN 0 ELSE p_delta END, p_delta);
      END $$`,
  };
}

/** Every user's membership counts from the cases and live assignments, set-based (what the triggers keep). */
export function memberCountsFromScratch(byInstitution: boolean): string {
  const institution = byInstitution ? '"ownerInstitutionId", ' : '';
  return `WITH m AS (
      SELECT "caseId", "userId", bool_or(assigned) AS assigned FROM (
        SELECT id AS "caseId", "createdById" AS "userId", false AS assigned FROM cases WHERE "createdById" IS NOT NULL
        UNION ALL SELECT "caseId", "userId", true FROM case_assignments WHERE "unassignedAt" IS NULL
      ) x GROUP BY 1, 2
    ), joined AS (SELECT m."userId", m.assigned, ${byInstitution ? 'c."ownerInstitutionId", ' : ''}c.status, c."minorAtIdentification" FROM m JOIN cases c ON c.id = m."caseId")
    INSERT INTO case_member_counts ("userId", ${byInstitution ? '"institutionId", ' : ''}status, total, minors, assigned)
    SELECT "userId", ${institution}status, count(*), count(*) FILTER (WHERE "minorAtIdentification"), count(*) FILTER (WHERE assigned)
    FROM joined GROUP BY "userId", ${institution}status`;
}

/**
 * Issue 15: an investigator's "assigned to me, active" home figure checked every live assignment of hers against its
 * case (2,797 case look-ups under row-level security at 1,000,000 cases, 24 of the request's 26 ms), because
 * `case_member_counts` could not say in which institution the assigned cases are: a user who moved institution keeps
 * assignments to her former institution's cases, which her institution scope no longer shows. Its rows are now per
 * user, case institution and status (`institutionId`, the case's owner: kept by the same triggers, which also follow a
 * case moved to another institution), so the figure is a few rows of its primary key for the `institution` scope
 * (that institution's rows) and the `all` scopes (every row), as it already was for `assigned`.
 */
export class MemberCountsByInstitution1764406400000 implements MigrationInterface {
  name = 'MemberCountsByInstitution1764406400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.rebuild(queryRunner, true);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.rebuild(queryRunner, false);
  }

  private async rebuild(queryRunner: QueryRunner, byInstitution: boolean): Promise<void> {
    const sql = memberCountSql(byInstitution);
    // The table is recounted from scratch under its lock: no trigger can add to it half-way.
    await queryRunner.query(`LOCK TABLE cases, case_assignments IN SHARE MODE`);
    await queryRunner.query(`TRUNCATE case_member_counts`);
    await queryRunner.query(`ALTER TABLE case_member_counts DROP CONSTRAINT "PK_case_member_counts"`);
    if (byInstitution) {
      await queryRunner.query(`ALTER TABLE case_member_counts ADD COLUMN "institutionId" uuid NOT NULL`);
      await queryRunner.query(`ALTER TABLE case_member_counts ADD CONSTRAINT "PK_case_member_counts" PRIMARY KEY ("userId", "institutionId", "status")`);
    } else {
      await queryRunner.query(`ALTER TABLE case_member_counts DROP COLUMN "institutionId"`);
      await queryRunner.query(`ALTER TABLE case_member_counts ADD CONSTRAINT "PK_case_member_counts" PRIMARY KEY ("userId", "status")`);
    }
    await queryRunner.query(
      byInstitution ? `DROP FUNCTION ruta_member_count(uuid, varchar, date, boolean, integer, integer)` : `DROP FUNCTION ruta_member_count(uuid, uuid, varchar, date, boolean, integer, integer)`,
    );
    await queryRunner.query(sql.countFunction);
    await queryRunner.query(
      byInstitution
        ? `REVOKE EXECUTE ON FUNCTION ruta_member_count(uuid, uuid, varchar, date, boolean, integer, integer) FROM PUBLIC`
        : `REVOKE EXECUTE ON FUNCTION ruta_member_count(uuid, varchar, date, boolean, integer, integer) FROM PUBLIC`,
    );
    await queryRunner.query(sql.caseTrigger);
    await queryRunner.query(sql.assignmentFunction);
    await queryRunner.query(`DROP TRIGGER "cases_member_count" ON "cases"`);
    await queryRunner.query(`CREATE TRIGGER "cases_member_count" AFTER INSERT OR UPDATE OF ${sql.caseTriggerColumns} ON "cases"
      FOR EACH ROW EXECUTE FUNCTION ruta_count_case_members()`);
    await queryRunner.query(memberCountsFromScratch(byInstitution));
  }
}
