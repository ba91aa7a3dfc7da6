import { createHash } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { CreateCaseResponse, HotlineCasePrefill, HotlineContactView, HotlineImportView, HotlineStats, ReferralView } from '@ruta/shared';
import { asAppRole, sessionOf } from '../../support/app-role';
import { newCaseRequest, ownerQuery } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';
import { APP_ROLE } from '@ruta/migrations';
import { HotlineContactsRepository } from '@ruta/server/hotline/contacts/hotline-contacts.repository';
import { TransactionRunner } from '@ruta/server/platform/database/transaction-runner';

const PHONE = '+57 300 999 1234';

/**
 * The national hotline end to end: intake with the caller's number sealed and recognised, the consent rule of tips to
 * the police (a child at risk without consent goes, with the ground; an adult without consent does not), converting a
 * call into a case (the case carries the call's fields and its timeline shows the call), the crisis banner, the
 * call-log import (10,000 rows, some invalid, each rejection reported), statistics, and row-level security.
 */
describe('hotline', () => {
  let app: INestApplication;
  let operator: ApiSession;
  let police: ApiSession;
  let institutions: Record<string, string>;

  function call(overrides: object = {}) {
    return {
      channel: 'phone',
      startedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      durationSeconds: 240,
      callerType: 'relative',
      callType: 'tip',
      municipalityCode: '05001',
      purposes: ['sexual_exploitation'],
      acts: ['recruitment'],
      means: ['deception'],
      urgency: 'urgent',
      childInvolved: false,
      summary: 'Una prima fue captada con una oferta de trabajo falsa.',
      consentToAuthorities: false,
      phone: PHONE,
      ...overrides,
    };
  }

  async function logCall(overrides: object = {}): Promise<HotlineContactView> {
    return (await operator.post('/api/hotline/contacts', call(overrides)).expect(201)).body;
  }

  async function newCase(): Promise<CreateCaseResponse> {
    return (await operator.post('/api/cases', newCaseRequest()).expect(201)).body;
  }

  beforeAll(async () => {
    app = await createTestApp();
    institutions = Object.fromEntries((await ownerQuery<{ code: string; id: string }>(`SELECT code, id FROM institutions`)).map((r) => [r.code, r.id]));
    [operator, police] = await Promise.all([loginAs(app, 'operator@oim.demo'), loginAs(app, 'investigator@policia.demo')]);
  });
  afterAll(async () => {
    await app.close();
  });

  describe('intake', () => {
    it('records a call with its number sealed and hashed, never readable, and recognises the repeat caller', async () => {
      const first = await logCall();
      expect(first).toMatchObject({ status: 'open', callType: 'tip', departmentCode: '05', municipalityCode: '05001', hasPhone: true, earlierContacts: 0 });
      expect(first.code).toMatch(/^LN-\d{4}-\d{6}$/);
      expect(JSON.stringify(first)).not.toContain('999');
      const again = await logCall({ phone: '3009991234', startedAt: new Date().toISOString() });
      expect(again.earlierContacts).toBe(1);

      const [row] = await ownerQuery<{ phoneSealed: string; phoneHash: string }>(`SELECT "phoneSealed", "phoneHash" FROM hotline_contacts WHERE id = $1`, [first.id]);
      expect(row.phoneSealed).toMatch(/^v1\./);
      expect(row.phoneSealed + row.phoneHash).not.toMatch(/9991234/);
      expect(row.phoneHash).toMatch(/^[0-9a-f]{64}$/);
      const events = await ownerQuery<{ details: object }>(`SELECT details FROM audit_events WHERE "entityType" = 'hotline_contact' AND "entityId" = $1`, [first.id]);
      expect(JSON.stringify(events)).not.toMatch(/9991234/);
      expect(events.length).toBeGreaterThan(0);
    });

    it('answers field errors for a wrong place, option or number', async () => {
      const response = await operator.post('/api/hotline/contacts', call({ municipalityCode: '99999', callType: 'chat', phone: 'call me' })).expect(400);
      const fields = response.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['callType', 'phone']));
      const place = await operator.post('/api/hotline/contacts', call({ municipalityCode: '99999' })).expect(400);
      expect(place.body.errors).toContainEqual(expect.objectContaining({ field: 'municipalityCode', code: 'invalid_divipola' }));
    });

    it('is closed to roles without the hotline, as raw SQL too', async () => {
      await police.get('/api/hotline/contacts').expect(403);
      await police.post('/api/hotline/contacts', call()).expect(403);
      const seen = await asAppRole(await sessionOf('investigator@policia.demo'), async (client) => (await client.query(`SELECT count(*)::int AS n FROM hotline_contacts WHERE "caseId" IS NULL`)).rows[0].n);
      expect(seen).toBe(0);
      const operatorSees = await asAppRole(await sessionOf('operator@oim.demo'), async (client) => (await client.query(`SELECT count(*)::int AS n FROM hotline_contacts`)).rows[0].n);
      expect(operatorSees).toBeGreaterThan(0);
      await expect(
        asAppRole(await sessionOf('operator@oim.demo'), (client) => client.query(`DELETE FROM hotline_contacts`)),
      ).rejects.toThrow(/permission denied/);
    });
  });

  describe('consent rule of tips to the police', () => {
    it('sends a crisis call about a child without consent as a referral to the police, with the ground recorded', async () => {
      const contact = await logCall({ callType: 'crisis', urgency: 'emergency', childInvolved: true, consentToAuthorities: false });
      const created = await newCase();
      const done: HotlineContactView = (
        await operator.post(`/api/hotline/contacts/${contact.id}/outcome`, { version: contact.version, outcome: 'tip_sent', institutionId: institutions['policia'], caseCode: created.case.code, ground: 'child_at_risk' }).expect(200)
      ).body;
      expect(done).toMatchObject({ status: 'outcome', outcome: 'tip_sent', reportGround: 'child_at_risk', caseCode: created.case.code });
      expect(done.referralId).toBeTruthy();
      const referral: ReferralView = (await police.get(`/api/referrals/${done.referralId}`).expect(200)).body;
      expect(referral).toMatchObject({ caseCode: created.case.code, purpose: 'investigation', urgency: 'emergency', sections: ['summary'] });
      const audit = await ownerQuery<{ details: Record<string, unknown> }>(`SELECT details FROM audit_events WHERE "entityType" = 'hotline_contact' AND "entityId" = $1 AND action = 'transition'`, [contact.id]);
      expect(audit.map((a) => a.details)).toContainEqual(expect.objectContaining({ outcome: 'tip_sent', ground: 'child_at_risk' }));
    });

    it('refuses an adult’s tip without consent, and a child-at-risk ground when no child is involved', async () => {
      const contact = await logCall({ childInvolved: false, consentToAuthorities: false });
      const created = await newCase();
      const body = { version: contact.version, outcome: 'tip_sent', institutionId: institutions['policia'], caseCode: created.case.code };
      const refused = await operator.post(`/api/hotline/contacts/${contact.id}/outcome`, body).expect(400);
      expect(refused.body.errors).toContainEqual(expect.objectContaining({ field: 'ground', code: 'consent_required' }));
      const noChild = await operator.post(`/api/hotline/contacts/${contact.id}/outcome`, { ...body, ground: 'child_at_risk' }).expect(400);
      expect(noChild.body.errors).toContainEqual(expect.objectContaining({ field: 'ground', code: 'consent_required' }));
      const [{ n }] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM referrals WHERE "caseCode" = $1`, [created.case.code]);
      expect(n).toBe(0);
      // With the caller's consent it goes; a tip goes only to law enforcement.
      const consented = await logCall({ consentToAuthorities: true });
      await operator.post(`/api/hotline/contacts/${consented.id}/outcome`, { ...body, version: consented.version, institutionId: institutions['oim'] }).expect(400);
      await operator.post(`/api/hotline/contacts/${consented.id}/outcome`, { ...body, version: consented.version, institutionId: institutions['fiscalia'] }).expect(200);
      const [{ sent }] = await ownerQuery<{ sent: number }>(`SELECT count(*)::int AS sent FROM referrals WHERE "caseCode" = $1`, [created.case.code]);
      expect(sent).toBe(1);
    });

    it('answers 409 on a stale version', async () => {
      const contact = await logCall();
      await operator.post(`/api/hotline/contacts/${contact.id}/transitions`, { version: contact.version, to: 'assessing' }).expect(200);
      await operator.post(`/api/hotline/contacts/${contact.id}/outcome`, { version: contact.version, outcome: 'information_only' }).expect(409);
    });
  });

  describe('a call becomes a case', () => {
    it('prefills the intake with the call’s fields, links the call, and the case timeline shows it', async () => {
      const contact = await logCall({ callType: 'referral_request', callerType: 'possible_victim', municipalityCode: '76001', purposes: ['forced_labour', 'servitude'], acts: ['recruitment', 'transport'], means: ['deception'] });
      const prefill: HotlineCasePrefill = (await operator.get(`/api/hotline/contacts/${contact.id}/case-prefill`).expect(200)).body;
      expect(prefill.case).toMatchObject({ source: 'hotline', municipalityCode: '76001' });
      const base = newCaseRequest();
      const created: CreateCaseResponse = (await operator.post('/api/cases', { ...base, case: prefill.case, screening: prefill.screening, situation: prefill.situation }).expect(201)).body;
      const linked: HotlineContactView = (await operator.post(`/api/hotline/contacts/${contact.id}/outcome`, { version: contact.version, outcome: 'new_case', caseCode: created.case.code }).expect(200)).body;
      expect(linked).toMatchObject({ outcome: 'new_case', caseCode: created.case.code });

      const detail = (await operator.get(`/api/cases/${created.case.code}`).expect(200)).body;
      expect(detail).toMatchObject({ source: 'hotline', municipalityCode: '76001', departmentCode: '76', purposes: ['forced_labour', 'servitude'] });
      expect(detail.screenings[0]).toMatchObject({ acts: ['recruitment', 'transport'], means: ['deception'], purposes: ['forced_labour', 'servitude'] });
      const timeline: { kind: string; details: Record<string, unknown> }[] = (await operator.get(`/api/cases/${created.case.code}/timeline`).expect(200)).body;
      expect(timeline).toContainEqual(expect.objectContaining({ kind: 'audit', details: expect.objectContaining({ section: 'hotline', hotlineContact: contact.code, outcome: 'new_case' }) }));
      const calls: HotlineContactView[] = (await operator.get(`/api/cases/${created.case.code}/hotline-contacts`).expect(200)).body;
      expect(calls.map((c) => c.code)).toEqual([contact.code]);
    });
  });

  describe('crisis', () => {
    it('shows an untaken crisis until someone takes it', async () => {
      const contact = await logCall({ callType: 'crisis', urgency: 'emergency' });
      const supervisor = await loginAs(app, 'supervisor@oim.demo');
      const waiting = (await supervisor.get('/api/hotline/crisis').expect(200)).body as { code: string }[];
      expect(waiting.map((c) => c.code)).toContain(contact.code);
      const taken: HotlineContactView = (await operator.post(`/api/hotline/contacts/${contact.id}/take`, { version: contact.version }).expect(200)).body;
      expect(taken).toMatchObject({ status: 'assessing', takenBy: expect.objectContaining({ name: expect.any(String) }) });
      await operator.post(`/api/hotline/contacts/${contact.id}/take`, { version: taken.version }).expect(409);
      const after = (await operator.get('/api/hotline/crisis').expect(200)).body as { code: string }[];
      expect(after.map((c) => c.code)).not.toContain(contact.code);
    });
  });

  describe('import of a historical call log', () => {
    it('imports the valid rows of a 10,000-row CSV in the background and reports each invalid one with its reason', async () => {
      const lines = ['fecha,canal,quien,tipo,municipio,finalidad,consentimiento,telefono,resumen'];
      const invalid = new Map<number, string>();
      for (let i = 0; i < 10_000; i++) {
        const line = i + 2;
        let date = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}`;
        let channel = i % 2 ? 'Teléfono' : 'whatsapp';
        let municipality = '11001';
        if (i % 997 === 0) {
          date = '2024-02-30 10:00';
          invalid.set(line, 'startedAt');
        } else if (i % 991 === 0) {
          channel = 'paloma mensajera';
          invalid.set(line, 'channel');
        } else if (i % 983 === 0) {
          municipality = '00000';
          invalid.set(line, 'municipalityCode');
        }
        lines.push(`${date},${channel},Familiar,Denuncia o información sobre un caso,${municipality},Explotación sexual,${i % 2 ? 'sí' : 'no'},3005550${String(i % 1000).padStart(3, '0')},"Llamada histórica, ${i}"`);
      }
      const mapping = { startedAt: 'fecha', channel: 'canal', callerType: 'quien', callType: 'tipo', municipalityCode: 'municipio', purposes: 'finalidad', consentToAuthorities: 'consentimiento', phone: 'telefono', summary: 'resumen' };
      const started = Date.now();
      const queued: HotlineImportView = (
        await operator.post('/api/hotline/imports').unset('Content-Type').field('mapping', JSON.stringify(mapping)).attach('file', Buffer.from(lines.join('\n'), 'utf8'), { filename: 'registro-2024.csv', contentType: 'text/csv' }).expect(201)
      ).body;
      expect(queued.status).toBe('pending');
      let view = queued;
      while (!['done', 'failed'].includes(view.status) && Date.now() - started < 50_000) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        view = (await operator.get(`/api/hotline/imports/${queued.id}`).expect(200)).body;
      }
      expect(view).toMatchObject({ status: 'done', totalRows: 10_000, processedRows: 10_000, importedRows: 10_000 - invalid.size });
      expect(new Map(view.rejected.map((r) => [r.row, r.field]))).toEqual(invalid);
      expect(view.rejected.find((r) => r.field === 'startedAt')?.reason).toBe('invalid_date');
      expect(view.rejected.find((r) => r.field === 'channel')?.reason).toBe('unknown_option');
      const [{ n }] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM hotline_contacts WHERE "importId" = $1 AND "phoneHash" IS NOT NULL AND "departmentCode" = '11'`, [queued.id]);
      expect(n).toBe(10_000 - invalid.size);
      // Someone else's import is not there for them.
      const other = await loginAs(app, 'supervisor@oim.demo');
      await other.get(`/api/hotline/imports/${queued.id}`).expect(403);
    }, 60_000);

    it('refuses a mapping that leaves out a required field', async () => {
      const response = await operator.post('/api/hotline/imports').unset('Content-Type').field('mapping', JSON.stringify({ startedAt: 'fecha' })).attach('file', Buffer.from('fecha\n2024-01-01'), 'a.csv').expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['mapping.channel', 'mapping.callType']));
    });
  });

  describe('statistics', () => {
    it('counts contacts per period, type, channel, department and outcome in SQL', async () => {
      const stats: HotlineStats = (await operator.get('/api/hotline/stats?period=month').expect(200)).body;
      const [{ n }] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM hotline_contacts WHERE "startedAt" >= now() - interval '89 days'`);
      expect(stats.total).toBeGreaterThanOrEqual(n);
      expect(stats.perPeriod.reduce((s, b) => s + b.count, 0)).toBe(stats.total);
      expect(stats.byCallType.reduce((s, b) => s + b.count, 0)).toBe(stats.total);
      expect(stats.byOutcome.find((b) => b.key === 'tip_sent')?.count).toBeGreaterThanOrEqual(2);
      expect(stats.medianHandlingSeconds).toEqual(expect.any(Number));
    });
  });
  describe('at scale (EXPLAIN as the application role)', () => {
    interface PlanNode {
      'Node Type': string;
      'Relation Name'?: string;
      'Index Name'?: string;
      Plans?: PlanNode[];
    }
    const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];
    const ROWS = 30_000;

    /** The exact statements the repository runs, EXPLAINed instead of run, in an operator's request transaction. */
    async function plansOf(work: (repository: HotlineContactsRepository) => Promise<unknown>): Promise<PlanNode[][]> {
      const runner = app.get(TransactionRunner, { strict: false });
      const repository = app.get(HotlineContactsRepository, { strict: false });
      const token = await sessionOf('operator@oim.demo');
      return runner.run({ sessionToken: token }, async (manager) => {
        await manager.query(`SET LOCAL ROLE ${APP_ROLE}`);
        const plans: PlanNode[][] = [];
        const query = manager.query.bind(manager);
        manager.query = (async (sql: string, params?: unknown[]) => {
          const [{ 'QUERY PLAN': [plan] }] = await query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
          plans.push(nodes(plan.Plan));
          return [{}];
        }) as typeof manager.query;
        await work(repository);
        return plans;
      });
    }

    function expectIndexOnly(plan: PlanNode[], index: string): void {
      expect(plan.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'hotline_contacts')).toEqual([]);
      expect(plan.map((n) => n['Index Name']).filter(Boolean)).toContain(index);
    }

    beforeAll(async () => {
      // Tens of thousands of old contacts (taken, so the crisis banner of the tests above is not theirs), 5,000 numbers.
      await ownerQuery(
        `INSERT INTO hotline_contacts (code, channel, "startedAt", "durationSeconds", "operatorId", "callerType", "callType", "departmentCode", purposes, acts, means,
           urgency, "childInvolved", "consentToAuthorities", "phoneSealed", "phoneHash", status, "takenAt", "takenById", version)
         SELECT 'LN-2019-' || lpad(g::text, 6, '0'), 'phone', now() - interval '3 years' - g * interval '7 minutes', 200, u.id, 'relative',
           (ARRAY['crisis','tip','referral_request','information','training','not_relevant'])[1 + g % 6], '11', '{}', '{}', '{}', 'routine', false, false,
           'v1.perf', encode(sha256(convert_to('perf' || (g % 5000), 'UTF8')), 'hex'), (ARRAY['open','assessing','outcome','closed'])[1 + g % 4],
           now() - interval '3 years', u.id, 1
         FROM generate_series(1, ${ROWS}) g, (SELECT id FROM users WHERE email = 'operator@oim.demo') u`,
      );
      await ownerQuery(`ANALYZE hotline_contacts`);
    }, 30_000);

    it('pages the list and counts it on the indexes, never a sequential scan', async () => {
      const [count, page] = await plansOf((r) => r.page({ direction: 'desc', limit: 26 }));
      expectIndexOnly(count, 'IDX_hotline_contacts_started');
      expectIndexOnly(page, 'IDX_hotline_contacts_started');
      const [statusCount, statusPage] = await plansOf((r) => r.page({ status: 'open', direction: 'desc', limit: 26, after: { at: new Date().toISOString(), id: '00000000-0000-4000-8000-000000000000' } }));
      expectIndexOnly(statusCount, 'IDX_hotline_contacts_status_started');
      expectIndexOnly(statusPage, 'IDX_hotline_contacts_status_started');
    });

    it('counts a repeat caller on the keyed-hash index and lists the crisis on its partial index', async () => {
      const [repeat] = await plansOf((r) => r.earlierContacts(createHash('sha256').update('perf42').digest('hex'), new Date()));
      expectIndexOnly(repeat, 'IDX_hotline_contacts_phone');
      const [crisis] = await plansOf((r) => r.untakenCrisis(20));
      expectIndexOnly(crisis, 'IDX_hotline_contacts_untaken_crisis');
    });
  });
});
