import { Client } from 'pg';
import { INestApplication } from '@nestjs/common';
import { createTestApp } from '../../support/test-app';
import { loginAs } from '../../support/sessions';

/**
 * The database catalogue, read as a reviewer would: row-level security on every table outside a short, reviewed
 * allow-list, and an audit path for every table that holds victim data. A new table fails here until it is either
 * protected or argued onto the list.
 */

/** Tables without row-level security, and why. Reference data readable by every signed-in user, or system-only. */
const WITHOUT_ROW_LEVEL_SECURITY: Record<string, string> = {
  institutions: 'the 14 institutions: reference data every user sees',
  roles: 'role definitions (no personal data); managed behind roles:manage',
  places: 'DIVIPOLA departments and municipalities: public reference data',
  migrations: "TypeORM's list of applied migrations; the application role has no grant on it",
};

/** Assistance data is read by IOM (`assistance:read`), on a case of its own institution. */
const SUPERVISOR = 'supervisor@oim.demo';

/**
 * Every table with victim data, and the read that leaves its audit event: the API route that shows it and the
 * `details` that event carries (`entityType` 'case' with the case's id unless said otherwise).
 */
const VICTIM_DATA_AUDIT: Record<string, { route: (code: string) => string; details: Record<string, unknown>; entityType?: string; as?: string }> = {
  cases: { route: (c) => `/api/cases/${c}`, details: { pseudonymised: false } },
  victims: { route: (c) => `/api/cases/${c}`, details: { pseudonymised: false } },
  victim_locations: { route: (c) => `/api/cases/${c}`, details: { pseudonymised: false } },
  screenings: { route: (c) => `/api/cases/${c}`, details: { pseudonymised: false } },
  trafficking_events: { route: (c) => `/api/cases/${c}`, details: { pseudonymised: false } },
  case_assignments: { route: (c) => `/api/cases/${c}`, details: { pseudonymised: false } },
  case_status_transitions: { route: (c) => `/api/cases/${c}/timeline`, details: { section: 'timeline' } },
  consents: { route: (c) => `/api/cases/${c}/consents`, details: { section: 'consents' } },
  case_notes: { route: (c) => `/api/cases/${c}/notes`, details: { section: 'notes' } },
  case_documents: { route: (c) => `/api/cases/${c}/documents`, details: { section: 'documents' } },
  case_links: { route: (c) => `/api/cases/${c}/links`, details: { section: 'links' } },
  case_link_requests: { route: (c) => `/api/cases/${c}/links`, details: { section: 'links' } },
  case_drafts: { route: () => '/api/case-drafts/mine', details: {}, entityType: 'case_draft' },
  referrals: { route: (c) => `/api/cases/${c}/referrals`, details: { section: 'referrals' } },
  assistance_plans: { route: (c) => `/api/cases/${c}/assistance`, details: { section: 'assistance' }, as: SUPERVISOR },
  assistance_participants: { route: (c) => `/api/cases/${c}/assistance`, details: { section: 'assistance' }, as: SUPERVISOR },
  assistance_services: { route: (c) => `/api/cases/${c}/assistance`, details: { section: 'assistance' }, as: SUPERVISOR },
  assistance_phase_timers: { route: (c) => `/api/cases/${c}/assistance`, details: { section: 'assistance' }, as: SUPERVISOR },
  risk_assessments: { route: (c) => `/api/cases/${c}/assistance`, details: { section: 'assistance' }, as: SUPERVISOR },
  assistance_follow_ups: { route: (c) => `/api/cases/${c}/assistance`, details: { section: 'assistance' }, as: SUPERVISOR },
  assistance_closure_requests: { route: (c) => `/api/cases/${c}/assistance`, details: { section: 'assistance' }, as: SUPERVISOR },
  assistance_alerts: { route: (c) => `/api/cases/${c}/assistance`, details: { section: 'assistance' }, as: SUPERVISOR },
  operation_cases: { route: (c) => `/api/cases/${c}/proceedings`, details: { section: 'prosecutions' } },
  trafficker_cases: { route: (c) => `/api/cases/${c}/proceedings`, details: { section: 'prosecutions' } },
  proceeding_victims: { route: (c) => `/api/cases/${c}/proceedings`, details: { section: 'prosecutions' } },
  hotline_contacts: { route: (c) => `/api/cases/${c}/hotline-contacts`, details: { section: 'hotline' } },
  privacy_retention_items: { route: (c) => `/api/privacy/cases/${c}`, details: { section: 'privacy' }, as: SUPERVISOR },
  privacy_erasure_requests: { route: (c) => `/api/privacy/cases/${c}`, details: { section: 'privacy' }, as: SUPERVISOR },
};

describe('catalogue: every table is protected or on a reviewed list', () => {
  let owner: Client;
  let app: INestApplication;

  beforeAll(async () => {
    // The app first: it points RUTA_TEST_OWNER_URL at this file's clone of the database.
    app = await createTestApp();
    owner = new Client({ connectionString: process.env.RUTA_TEST_OWNER_URL });
    await owner.connect();
    await owner.query(`SELECT set_config('ruta.system', 'on', false)`);
  });
  afterAll(async () => {
    await owner.end();
    await app.close();
  });

  it('has row-level security enabled and forced on every table outside the allow-list', async () => {
    const { rows } = await owner.query<{ table: string; enabled: boolean; forced: boolean }>(
      `SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
    );
    const unprotected = rows.filter((r) => !(r.enabled && r.forced)).map((r) => r.table);
    expect(unprotected.sort()).toEqual(Object.keys(WITHOUT_ROW_LEVEL_SECURITY).sort());
    // The allow-list names only tables that exist: a dropped table leaves it.
    for (const table of Object.keys(WITHOUT_ROW_LEVEL_SECURITY)) expect(rows.map((r) => r.table)).toContain(table);
  });

  it('knows an audit path for every table that refers to a case (victim data)', async () => {
    const { rows } = await owner.query<{ table: string }>(
      `SELECT DISTINCT cl.relname AS table
       FROM pg_constraint k JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_class ref ON ref.oid = k.confrelid
       WHERE k.contype = 'f' AND ref.relname = 'cases'
       UNION SELECT 'cases' ORDER BY 1`,
    );
    const withVictimData = rows.map((r) => r.table).filter((t) => t !== 'case_drafts');
    for (const table of withVictimData) expect({ table, known: table in VICTIM_DATA_AUDIT }).toEqual({ table, known: true });
    for (const table of Object.keys(VICTIM_DATA_AUDIT)) {
      const exists = await owner.query(`SELECT to_regclass($1) IS NOT NULL AS ok`, [table]);
      expect({ table, exists: exists.rows[0].ok }).toEqual({ table, exists: true });
    }
  });

  describe('each audit path leaves its event', () => {
    let code: string;
    let caseId: string;
    let userId: string;

    beforeAll(async () => {
      const row = (
        await owner.query(
          `SELECT c.id, c.code FROM cases c JOIN institutions i ON i.id = c."ownerInstitutionId" WHERE i.code = 'policia' ORDER BY c.code LIMIT 1`,
        )
      ).rows[0];
      [code, caseId] = [row.code, row.id];
      userId = (await owner.query(`SELECT id FROM users WHERE email = 'investigator@policia.demo'`)).rows[0].id;
    });
    it.each(Object.entries(VICTIM_DATA_AUDIT))('audits the read of %s', async (_table, path) => {
      if (path.as) return expectAuditedReadAs(path.as, path);
      const session = await loginAs(app, 'investigator@policia.demo');
      if (path.entityType === 'case_draft') await session.put('/api/case-drafts/mine', { step: 0, value: { note: 'catalogue' } }).expect(200);
      const before = new Date();
      await session.get(path.route(code)).expect(200);
      const entityId = path.entityType === 'case_draft' ? userId : caseId;
      const events = await owner.query(
        `SELECT details FROM audit_events WHERE action = 'read' AND "entityType" = $1 AND "entityId" = $2 AND "actorUserId" = $3 AND "occurredAt" >= $4`,
        [path.entityType ?? 'case', entityId, userId, before],
      );
      expect(events.rows.map((e) => e.details)).toContainEqual(expect.objectContaining(path.details));
    });

    /** The same check as another demo user, on the first case of that user's institution. */
    async function expectAuditedReadAs(email: string, path: { route: (code: string) => string; details: Record<string, unknown> }) {
      const [row] = (
        await owner.query(`SELECT c.id, c.code, u.id AS "userId" FROM users u JOIN cases c ON c."ownerInstitutionId" = u."institutionId" WHERE u.email = $1 ORDER BY c.code LIMIT 1`, [email])
      ).rows;
      const session = await loginAs(app, email);
      const before = new Date();
      await session.get(path.route(row.code)).expect(200);
      const events = await owner.query(
        `SELECT details FROM audit_events WHERE action = 'read' AND "entityType" = 'case' AND "entityId" = $1 AND "actorUserId" = $2 AND "occurredAt" >= $3`,
        [row.id, row.userId, before],
      );
      expect(events.rows.map((e) => e.details)).toContainEqual(expect.objectContaining(path.details));
    }
  });
});
