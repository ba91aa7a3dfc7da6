import { inflateSync } from 'node:zlib';
import { INestApplication } from '@nestjs/common';
import { CreateCaseResponse, NotificationPage, ReferralListItem, ReferralPage, ReferralView } from '@ruta/shared';
import { ReferralsRepository } from '@ruta/server/referrals/core/referrals.repository';
import { TransactionRunner } from '@ruta/server/platform/database/transaction-runner';
import { cappedCount } from '@ruta/server/platform/database/repository-base';
import { sessionOf } from '../../support/app-role';
import { newCaseRequest, ownerQuery } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';

/**
 * The working screens of referrals through the API: inbox and outbox filters (status, urgency, purpose, overdue, the
 * other institution), sortable columns with a total and keyset pages, their query plans at scale (EXPLAIN as
 * `ruta_app`), the decline reason from the closed list, the administrator's deadlines with optimistic locking, the
 * in-app notification list, and the disclosure record as a PDF (exactly the record's entries, no identity, audited).
 */
describe('referrals: lists, settings, notifications and the disclosure PDF', () => {
  let app: INestApplication;
  let police: ApiSession;
  let iom: ApiSession;
  let admin: ApiSession;
  let institutions: Record<string, string>;
  let users: Record<string, string>;
  /** A receiving institution of its own, so that the fixture's totals are exact. */
  let lists: string;

  const ids = (page: ReferralPage) => page.items.map((r) => r.caseCode);

  beforeAll(async () => {
    app = await createTestApp({ REFERRAL_DEADLINE_CHECK_SECONDS: '0' });
    institutions = Object.fromEntries((await ownerQuery<{ code: string; id: string }>(`SELECT code, id FROM institutions`)).map((r) => [r.code, r.id]));
    users = Object.fromEntries((await ownerQuery<{ email: string; id: string }>(`SELECT email, id FROM users`)).map((r) => [r.email, r.id]));
    [police, iom, admin] = await Promise.all([loginAs(app, 'investigator@policia.demo'), loginAs(app, 'caseworker@oim.demo'), loginAs(app, 'admin@mininterior.demo')]);
    [{ id: lists }] = await ownerQuery<{ id: string }>(`INSERT INTO institutions (code, name, type, version) VALUES ('lists-test', 'Institución de listas', 'ngo', 1) RETURNING id`);
    const [{ id: caseId }] = await ownerQuery<{ id: string }>(`SELECT id FROM cases ORDER BY code LIMIT 1`);
    // Police → the test institution: six referrals, codes RT-2026-900001.. in a known order of creation and deadline.
    const fixture: [code: string, status: string, urgency: string, purpose: string, createdHoursAgo: number, deadlineHours: number | null][] = [
      ['RT-2026-900001', 'sent', 'emergency', 'lodging', 50, -26], // overdue
      ['RT-2026-900002', 'received', 'urgent', 'health', 40, 32],
      ['RT-2026-900003', 'accepted', 'routine', 'lodging', 30, 210],
      ['RT-2026-900004', 'sent', 'urgent', 'legal', 20, 52],
      ['RT-2026-900005', 'completed', 'routine', 'health', 10, 230],
      ['RT-2026-900006', 'draft', 'routine', 'lodging', 5, null],
    ];
    for (const [code, status, urgency, purpose, ago, deadline] of fixture) {
      await ownerQuery(
        `INSERT INTO referrals ("caseId", "caseCode", "fromInstitutionId", "toInstitutionId", "createdById", purpose, urgency, sections, status, "sentAt", "deadlineAt", "createdAt", version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '{summary}', $8::varchar, CASE WHEN $8::varchar <> 'draft' THEN now() - make_interval(hours => $9::int) END, now() + make_interval(hours => $10::int), now() - make_interval(hours => $9::int), 1)`,
        [caseId, code, institutions.policia, lists, users['investigator@policia.demo'], purpose, urgency, status, ago, deadline],
      );
    }
  });
  afterAll(() => app.close());

  describe('inbox and outbox', () => {
    const outbox = (query: string) => police.get(`/api/referrals?box=outbox&institutionId=${lists}&${query}`).expect(200).then((r) => r.body as ReferralPage);

    it('filters the outbox by the receiving institution, with the total of the filter', async () => {
      const page = await outbox('');
      expect(page.total).toEqual({ count: 6, more: false });
      expect(ids(page)).toEqual(['RT-2026-900006', 'RT-2026-900005', 'RT-2026-900004', 'RT-2026-900003', 'RT-2026-900002', 'RT-2026-900001']);
      expect(page.items.every((r) => r.to.id === lists)).toBe(true);
    });

    it('filters by status, urgency, purpose and overdue, alone and together', async () => {
      expect(ids(await outbox('status=sent'))).toEqual(['RT-2026-900004', 'RT-2026-900001']);
      expect(ids(await outbox('urgency=routine'))).toEqual(['RT-2026-900006', 'RT-2026-900005', 'RT-2026-900003']);
      expect(ids(await outbox('purpose=health'))).toEqual(['RT-2026-900005', 'RT-2026-900002']);
      const overdue = await outbox('overdue=true');
      expect(ids(overdue)).toEqual(['RT-2026-900001']);
      expect(overdue.items[0].overdue).toBe(true);
      expect((await outbox('overdue=false')).total).toEqual({ count: 5, more: false });
      const both = await outbox('purpose=lodging&urgency=routine');
      expect({ codes: ids(both), total: both.total }).toEqual({ codes: ['RT-2026-900006', 'RT-2026-900003'], total: { count: 2, more: false } });
    });

    it('sorts by deadline and by case code both ways, drafts without a deadline last', async () => {
      expect(ids(await outbox('sort=deadline&direction=asc'))).toEqual(['RT-2026-900001', 'RT-2026-900002', 'RT-2026-900004', 'RT-2026-900003', 'RT-2026-900005', 'RT-2026-900006']);
      expect(ids(await outbox('sort=deadline&direction=desc'))[0]).toBe('RT-2026-900006');
      expect(ids(await outbox('sort=case&direction=asc'))).toEqual(['RT-2026-900001', 'RT-2026-900002', 'RT-2026-900003', 'RT-2026-900004', 'RT-2026-900005', 'RT-2026-900006']);
    });

    it('pages with the keyset cursor in every sort, each row once, the total on every page', async () => {
      for (const sort of ['created', 'deadline', 'case']) {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await outbox(`sort=${sort}&direction=asc&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
          expect(page.total).toEqual({ count: 6, more: false });
          seen.push(...ids(page));
          cursor = page.nextCursor;
        } while (cursor);
        expect({ sort, seen: seen.length, distinct: new Set(seen).size }).toEqual({ sort, seen: 6, distinct: 6 });
      }
    });

    it('gives the inbox the sender as its institution filter, and refuses unknown values field by field', async () => {
      const inbox = (await iom.get(`/api/referrals?box=inbox&institutionId=${institutions.policia}&limit=100`).expect(200)).body as ReferralPage;
      expect(inbox.items.length).toBeGreaterThan(0);
      expect(inbox.items.every((r: ReferralListItem) => r.from.id === institutions.policia && r.to.id === institutions.oim)).toBe(true);
      expect((await iom.get(`/api/referrals?box=inbox&institutionId=${lists}`).expect(200)).body.total).toEqual({ count: 0, more: false });
      const bad = await police.get('/api/referrals?box=outbox&purpose=holiday&sort=name&institutionId=x').expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['institutionId', 'purpose', 'sort']);
    });
  });

  describe('moves and settings', () => {
    it('declines only with a reason from the closed list (400 naming the field)', async () => {
      const created: CreateCaseResponse = (await police.post('/api/cases', newCaseRequest()).expect(201)).body;
      const sent: ReferralView = (await police.post('/api/referrals', { caseCode: created.case.code, toInstitutionId: institutions.oim, purpose: 'health', urgency: 'routine', sections: ['summary'] }).expect(201)).body;
      const opened: ReferralView = (await iom.get(`/api/referrals/${sent.id}`).expect(200)).body;
      const refused = await iom.post(`/api/referrals/${sent.id}/transitions`, { version: opened.version, to: 'declined', reason: 'No nos interesa' }).expect(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'reason', code: 'invalid_option', message: expect.stringContaining('no_capacity') })]);
      const declined: ReferralView = (await iom.post(`/api/referrals/${sent.id}/transitions`, { version: opened.version, to: 'declined', reason: 'no_capacity' }).expect(200)).body;
      expect(declined).toMatchObject({ status: 'declined', declineReason: 'no_capacity' });
    });

    it('lets an administrator change the deadlines on the version read, 409 with the changed urgencies when stale', async () => {
      const before = (await admin.get('/api/referrals/deadline-settings').expect(200)).body;
      expect(before).toMatchObject({ emergency: 24, urgent: 72, routine: 240 });
      await admin.get('/api/referrals/deadlines').expect(403);
      const saved = (await admin.put('/api/referrals/deadlines', { emergency: 12, urgent: 48, routine: 240, version: before.version }).expect(200)).body;
      expect(saved).toEqual({ emergency: 12, urgent: 48, routine: 240, version: before.version + 1 });
      const stale = await admin.put('/api/referrals/deadlines', { emergency: 6, urgent: 72, routine: 240, version: before.version }).expect(409);
      expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: before.version + 1, changedFields: ['emergency', 'urgent'] });
      expect((await admin.put('/api/referrals/deadlines', { emergency: 0, urgent: 72, routine: 240, version: saved.version }).expect(400)).body.errors[0].field).toBe('emergency');
      // A referral sent now takes the new deadline.
      const created: CreateCaseResponse = (await police.post('/api/cases', newCaseRequest()).expect(201)).body;
      const sent: ReferralView = (await police.post('/api/referrals', { caseCode: created.case.code, toInstitutionId: institutions.oim, purpose: 'health', urgency: 'emergency', sections: ['summary'] }).expect(201)).body;
      expect(new Date(sent.deadlineAt!).getTime() - new Date(sent.sentAt!).getTime()).toBe(12 * 3_600_000);
      await admin.put('/api/referrals/deadlines', { emergency: 24, urgent: 72, routine: 240, version: saved.version }).expect(200);
    });
  });

  it('prints the disclosure record as a PDF with exactly its entries and no identity, audited as a read of the case', async () => {
    const created: CreateCaseResponse = (await police.post('/api/cases', newCaseRequest({ consents: [{ purpose: 'data_processing', grantedBy: 'self', method: 'written', grantedAt: '2026-01-15T10:00:00Z' }, { purpose: 'sharing', institutionId: institutions.oim, grantedBy: 'self', method: 'written', grantedAt: '2026-01-15T10:00:00Z' }] })).expect(201)).body;
    const code = created.case.code;
    const sent: ReferralView = (await police.post('/api/referrals', { caseCode: code, toInstitutionId: institutions.oim, purpose: 'lodging', urgency: 'urgent', sections: ['identity'] }).expect(201)).body;
    await iom.get(`/api/referrals/${sent.id}/case`).expect(200);
    const record = (await police.get(`/api/cases/${code}/referrals`).expect(200)).body;
    expect(record.entries).toHaveLength(1);
    const response = await police.get(`/api/cases/${code}/referrals/disclosure-pdf`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="disclosure-${code}.pdf"`);
    const text = pdfText(response.body as Buffer);
    expect((response.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    // The opening by IOM's caseworker (whose name the police, another institution, do not read) is listed.
    expect(record.entries[0].openedBy).toHaveLength(1);
    for (const phrase of ['Registro de entrega de datos personales', code, 'Organización Internacional para las Migraciones (OIM)', 'Resumen, Identidad', 'Consentimiento del', 'Enviada', 'Una persona de la institución receptora']) {
      expect(text).toContain(shown(phrase));
    }
    expect(text.match(/Organizaci/g)).toHaveLength(1);
    for (const secret of ['Prueba', 'Ficticia']) expect(text).not.toContain(secret);
    expect((pdfPages(response.body as Buffer))).toBe(1);
    const english = await police.get(`/api/cases/${code}/referrals/disclosure-pdf?lang=en`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(pdfText(english.body as Buffer)).toContain(shown('Record of personal data disclosures'));
    const [{ caseId }] = await ownerQuery<{ caseId: string }>(`SELECT id AS "caseId" FROM cases WHERE code = $1`, [code]);
    const audit = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'read' AND "entityId" = $1 AND details->>'format' = 'pdf'`, [caseId]);
    expect(audit[0].n).toBe(2);
    await iom.get(`/api/cases/${code}/referrals/disclosure-pdf`).expect(404);
  });

  it('lists the user\u2019s notifications newest first in pages, with unread counts; marks one or all read; 404 for another\u2019s', async () => {
    const first = (await iom.get('/api/notifications?limit=2').expect(200)).body as NotificationPage;
    expect(first.items).toHaveLength(2);
    expect(first.total).toBeGreaterThanOrEqual(3);
    expect(first.unread).toBeGreaterThanOrEqual(2);
    expect(new Date(first.items[0].createdAt).getTime()).toBeGreaterThanOrEqual(new Date(first.items[1].createdAt).getTime());
    const second = (await iom.get(`/api/notifications?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`).expect(200)).body as NotificationPage;
    expect(second.items.map((n) => n.id)).not.toContain(first.items[0].id);
    expect((await iom.post(`/api/notifications/${first.items[0].id}/read`).expect(200)).body).toEqual({ read: 1 });
    expect((await iom.get('/api/notifications?limit=2').expect(200)).body.unread).toBe(first.unread - 1);
    await police.post(`/api/notifications/${first.items[0].id}/read`).expect(404);
    expect((await iom.post('/api/notifications/read-all').expect(200)).body.read).toBe(first.unread - 1);
    expect((await iom.get('/api/notifications').expect(200)).body.unread).toBe(0);
  });

  it('walks an index for every box, sort and the status filter at scale, never a sequential scan of referrals (EXPLAIN as ruta_app)', async () => {
    await ownerQuery(
      `INSERT INTO referrals ("caseId", "caseCode", "fromInstitutionId", "toInstitutionId", "createdById", purpose, urgency, sections, status, "sentAt", "deadlineAt", "createdAt", version)
       SELECT c.id, 'RT-2025-' || lpad(g::text, 6, '0'), f.id, t.id, $1, 'health', 'routine', '{summary}',
              (ARRAY['sent','received','accepted','in_progress','completed','declined','cancelled','draft'])[1 + g % 8],
              now() - g * interval '1 minute', now() + (g % 500) * interval '1 hour', now() - g * interval '1 minute', 1
         FROM generate_series(1, 60000) g
         JOIN LATERAL (SELECT id FROM cases ORDER BY code LIMIT 1) c ON true
         JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM institutions WHERE code <> 'lists-test') f ON f.n = g % 14
         JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM institutions WHERE code <> 'lists-test') t ON t.n = (g / 14 + 1 + g % 14) % 14 AND t.id <> f.id`,
      [users['investigator@policia.demo']],
    );
    // As autovacuum leaves a settled table: statistics, and the visibility map that index-only scans rely on.
    await ownerQuery(`VACUUM ANALYZE referrals`);
    const runner = app.get(TransactionRunner);
    const tokens = { institution: await sessionOf('caseworker@oim.demo'), all: await sessionOf('coordinator@mininterior.demo') };
    const explain = (scope: keyof typeof tokens, filter: Parameters<ReferralsRepository['pageQuery']>[0]) =>
      runner.run({ sessionToken: tokens[scope] }, async (manager) => {
        const repository = new ReferralsRepository(runner);
        const plans: string[] = [];
        // The page as it is sent, and the total as countUpTo sends it (capped).
        for (const [query, capped] of [[repository.pageQuery(filter), false], [repository.countQuery(filter), true]] as const) {
          const [sql, params] = query.getQueryAndParameters();
          const [{ 'QUERY PLAN': plan }] = await manager.query(`EXPLAIN (FORMAT JSON) ${capped ? cappedCount(sql) : sql}`, params);
          plans.push(JSON.stringify(plan));
        }
        return plans;
      });
    const now = new Date();
    const cases: [keyof typeof tokens, Parameters<ReferralsRepository['pageQuery']>[0], RegExp][] = [
      ['institution', { box: 'inbox', institutionId: institutions.oim, now, limit: 25 }, /IDX_referrals_to_(created|status_created)/],
      ['institution', { box: 'inbox', institutionId: institutions.oim, now, limit: 25, sort: 'deadline', direction: 'asc' }, /IDX_referrals_to_/],
      ['institution', { box: 'outbox', institutionId: institutions.oim, now, limit: 25, sort: 'case' }, /IDX_referrals_(from_)?case_code/],
      ['institution', { box: 'inbox', institutionId: institutions.oim, now, limit: 25, status: 'received' }, /IDX_referrals_to_status_created/],
      ['institution', { box: 'inbox', institutionId: institutions.oim, now, limit: 25, after: { k: now.toISOString(), id: '00000000-0000-4000-8000-000000000000' } }, /IDX_referrals_to_/],
      ['all', { box: 'all', institutionId: institutions.mininterior, now, limit: 25 }, /IDX_referrals_created/],
      ['all', { box: 'all', institutionId: institutions.mininterior, now, limit: 25, sort: 'deadline' }, /IDX_referrals_deadline/],
    ];
    for (const [scope, filter, index] of cases) {
      const [page, count] = await explain(scope, filter);
      expect({ filter: { ...filter, now: undefined }, page }).toEqual({ filter: { ...filter, now: undefined }, page: expect.stringMatching(index) });
      expect(page).not.toMatch(/"Node Type":"Seq Scan"[^}]*"Relation Name":"referrals"/);
      // An institution's total counts on its box's index; the coordinators' unfiltered total is most of the table, which
      // PostgreSQL rightly reads in one pass.
      if (scope === 'institution') expect(count).not.toMatch(/"Node Type":"Seq Scan"[^}]*"Relation Name":"referrals"/);
    }
    // A box's total (the first thing its page asks) is counted from the box's status index alone, not the heap: the
    // index carries the other side's institution, which the referrals' policy reads too (migration 1764406300000).
    for (const box of ['inbox', 'outbox'] as const) {
      const [, count] = await explain('institution', { box, institutionId: institutions.oim, now, limit: 25 });
      const index = box === 'inbox' ? 'IDX_referrals_to_status_created' : 'IDX_referrals_from_status_created';
      expect({ box, count }).toEqual({ box, count: expect.stringMatching(new RegExp(`"Node Type":"Index Only Scan"[^{}]*"Index Name":"${index}"`)) });
    }
  }, 60_000);
});

/** The text a PDF shows: its Flate streams inflated, the hex strings of its text operators read as WinAnsi. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams = [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => {
    const bytes = Buffer.from(m[1], 'latin1');
    try {
      return inflateSync(bytes).toString('latin1');
    } catch {
      return m[1];
    }
  });
  return streams
    .join('\n')
    .split('\n')
    .filter((line) => /T[Jj]$/.test(line))
    .map((line) => [...line.matchAll(/<([0-9a-f]+)>/gi)].map((m) => Buffer.from(m[1], 'hex').toString('latin1')).join(''))
    .join('')
    .replace(/\s+/g, '');
}

/** A phrase as `pdfText` gives it (lines wrap anywhere in a table cell: compared without white space). */
const shown = (phrase: string) => phrase.replace(/\s+/g, '');

function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}
