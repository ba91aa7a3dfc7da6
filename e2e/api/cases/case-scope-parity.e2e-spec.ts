import { Client } from 'pg';
import { Permission, PERMISSIONS, RECORD_SCOPES, RecordScope } from '@ruta/shared';
import { caseScopeCondition } from '@ruta/server/cases/core/case-scope';
import { asAppRole, openSessionFor, sessionWithRole } from '../../support/app-role';

/**
 * The case scope rule exists twice: `ruta_case_in_scope()` in SQL (row-level security, the last word) and
 * `caseScopeCondition()` in TypeScript (the service's own WHERE clause, written for the indexes). This test runs both
 * on the same data for every seeded role, and for users with live and ended assignments: the case ids must be equal.
 * Changing the rule in one place only fails here.
 */
interface SeededUser {
  id: string;
  email: string;
  institutionId: string;
  scope: RecordScope;
  permissions: Permission[];
  /** A live session: the database derives the actor from it. */
  token: string;
}

/** TypeORM named parameters (`:name`) to positional ones, for a raw query. */
function positional(sql: string, params: Record<string, unknown>): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const text = sql.replace(/:(\w+)/g, (_, name: string) => {
    values.push(params[name]);
    return `$${values.length}`;
  });
  return { text, values };
}

describe('case scope parity: row-level security and caseScopeCondition() select the same cases', () => {
  let owner: Client;
  let users: SeededUser[];
  let total: number;

  beforeAll(async () => {
    owner = new Client({ connectionString: process.env.RUTA_TEST_OWNER_URL });
    await owner.connect();
    await owner.query(`SELECT set_config('ruta.system', 'on', false)`);
    users = (
      await owner.query(
        `SELECT u.id, u.email, u."institutionId", r.scope, r.permissions FROM users u JOIN roles r ON r.id = u."roleId" ORDER BY u.email`,
      )
    ).rows;
    total = (await owner.query(`SELECT count(*)::int AS n FROM cases`)).rows[0].n;
    // No seeded role has the whole, identified scope `all`; a synthetic actor with it stands in for one.
    for (const user of users) user.token = await openSessionFor(user.id);
    const synthetic = await sessionWithRole({ institution: 'policia', scope: 'all', permissions: [PERMISSIONS.casesRead] });
    const institution = (await owner.query(`SELECT "institutionId" FROM users WHERE id = $1`, [synthetic.userId])).rows[0].institutionId;
    users.push({ id: synthetic.userId, email: 'synthetic-all-scope', institutionId: institution, scope: 'all', permissions: [PERMISSIONS.casesRead], token: synthetic.token });

    // A caseworker (assigned scope) with cases of other creators: two live assignments and one that has ended.
    const caseworker = users.find((u) => u.email === 'caseworker@oim.demo')!;
    const others = (await owner.query(`SELECT id FROM cases WHERE "createdById" <> $1 ORDER BY code LIMIT 3`, [caseworker.id])).rows;
    for (const [index, row] of others.entries()) {
      await owner.query(
        `INSERT INTO case_assignments ("caseId", "userId", "assignedById", "assignedAt", "unassignedAt")
         VALUES ($1, $2, $2, now() - interval '2 days', CASE WHEN $3 THEN now() END)`,
        [row.id, caseworker.id, index === 2],
      );
    }
  });
  afterAll(async () => {
    await owner.end();
  });

  async function viaRowLevelSecurity(user: SeededUser): Promise<string[]> {
    return asAppRole(user.token, async (client) => (await client.query(`SELECT id FROM cases ORDER BY id`)).rows.map((r) => r.id));
  }

  async function viaScopeCondition(user: SeededUser): Promise<string[]> {
    // The service never reaches the case table without `cases:read` (route permission, then CaseAccessService).
    if (!user.permissions.includes(PERMISSIONS.casesRead)) return [];
    const condition = caseScopeCondition({ scope: user.scope, institutionId: user.institutionId, userId: user.id }, 'c');
    const { text, values } = positional(`SELECT c.id FROM cases c WHERE ${condition.sql} ORDER BY c.id`, condition.params);
    return (await owner.query(text, values)).rows.map((r) => r.id);
  }

  it('covers every record scope among the seeded roles, on data with cases in several institutions', () => {
    expect(new Set(users.map((u) => u.scope))).toEqual(new Set(RECORD_SCOPES));
    expect(total).toBeGreaterThan(100);
  });

  it('gives every seeded user the same cases both ways', async () => {
    const seen: Record<string, number> = {};
    for (const user of users) {
      const [database, service] = [await viaRowLevelSecurity(user), await viaScopeCondition(user)];
      expect({ user: user.email, ids: service }).toEqual({ user: user.email, ids: database });
      seen[user.email] = database.length;
    }
    // The comparison means something: some see everything, some a part, some nothing.
    const counts = Object.values(seen);
    expect(counts).toContain(total);
    expect(counts.some((n) => n > 0 && n < total)).toBe(true);
    expect(counts).toContain(0);
  });

  it('follows live assignments and drops ended ones for the assigned scope', async () => {
    const caseworker = users.find((u) => u.email === 'caseworker@oim.demo')!;
    const ids = await viaRowLevelSecurity(caseworker);
    expect(await viaScopeCondition(caseworker)).toEqual(ids);
    const assigned = (
      await owner.query(`SELECT "caseId", "unassignedAt" IS NULL AS live FROM case_assignments WHERE "userId" = $1 AND "assignedById" = $1`, [caseworker.id])
    ).rows;
    for (const a of assigned) expect(ids.includes(a.caseId)).toBe(a.live);
  });
});
