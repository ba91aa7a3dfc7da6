import { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { SMTPServer } from 'smtp-server';
import { CreateCaseResponse, ReferralView } from '@ruta/shared';
import { createApp } from '@ruta/server/app';
import { Clock } from '@ruta/platform';
import { ReferralDeadlineJob } from '@ruta/referrals';
import { asAppRole, sessionOf } from '../../support/app-role';
import { newCaseRequest, ownerQuery } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';
import { testConfig } from '../../support/test-config';

/**
 * Referrals end to end: the police refer a case to IOM under a consent; IOM sees only what was shared and works it to
 * completion; a third institution sees nothing (API and raw SQL); the consent gate and its override; revocation ends
 * access at once; deadlines through the job (an injected clock, two instances); e-mail with no personal data; the
 * coordinators' statistics and the disclosure record.
 */
describe('referrals', () => {
  let app: INestApplication;
  let smtp: SMTPServer;
  const mails: string[] = [];
  let police: ApiSession;
  let iom: ApiSession;
  let das: ApiSession;
  let partner: ApiSession;
  let coordinator: ApiSession;
  let institutions: Record<string, string>;
  let users: Record<string, string>;

  async function newCase(session: ApiSession, sharingWith: string[] = []): Promise<CreateCaseResponse> {
    const consents = [
      { purpose: 'data_processing', grantedBy: 'self', method: 'written', grantedAt: '2026-01-15T10:00:00Z' },
      ...sharingWith.map((code) => ({ purpose: 'sharing', institutionId: institutions[code], grantedBy: 'self', method: 'written', grantedAt: '2026-01-15T10:00:00Z' })),
    ];
    return (await session.post('/api/cases', newCaseRequest({ consents })).expect(201)).body;
  }

  async function refer(session: ApiSession, body: object, status = 201) {
    return session.post('/api/referrals', { purpose: 'lodging', urgency: 'urgent', ...body }).expect(status);
  }

  async function move(session: ApiSession, referral: ReferralView, body: object, status = 200): Promise<ReferralView> {
    return (await session.post(`/api/referrals/${referral.id}/transitions`, { version: referral.version, ...body }).expect(status)).body;
  }

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        stream.on('end', () => {
          mails.push(text);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    app = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, REFERRAL_DEADLINE_CHECK_SECONDS: '0', PUBLIC_URL: 'https://ruta.example' });
    institutions = Object.fromEntries((await ownerQuery<{ code: string; id: string }>(`SELECT code, id FROM institutions`)).map((r) => [r.code, r.id]));
    users = Object.fromEntries((await ownerQuery<{ email: string; id: string }>(`SELECT email, id FROM users`)).map((r) => [r.email, r.id]));
    [police, iom, das, partner] = await Promise.all([
      loginAs(app, 'investigator@policia.demo'),
      loginAs(app, 'caseworker@oim.demo'),
      loginAs(app, 'investigator@das.demo'),
      loginAs(app, 'partner@icbf.demo'),
    ]);
    coordinator = await loginAs(app, 'coordinator@mininterior.demo');
  });
  afterAll(async () => {
    await app.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  describe('police refer a case to IOM with consent', () => {
    let created: CreateCaseResponse;
    let referral: ReferralView;

    beforeAll(async () => {
      created = await newCase(police, ['oim']);
      referral = (await refer(police, { caseCode: created.case.code, toInstitutionId: institutions.oim, sections: ['summary', 'situation'], message: 'Necesita alojamiento' })).body;
    });

    it('sends it under the consent, with a deadline from the urgency, and puts it in both boxes', async () => {
      expect(referral).toMatchObject({ status: 'sent', caseCode: created.case.code, sections: ['summary', 'situation'], override: null, side: 'sender', moves: ['cancelled'] });
      expect(referral.consent?.id).toBeDefined();
      expect(new Date(referral.deadlineAt!).getTime() - new Date(referral.sentAt!).getTime()).toBe(72 * 3_600_000);
      const outbox = (await police.get('/api/referrals?box=outbox&status=sent').expect(200)).body;
      expect(outbox.items.map((r: ReferralView) => r.id)).toContain(referral.id);
      const inbox = (await iom.get('/api/referrals?box=inbox').expect(200)).body;
      expect(inbox.items.map((r: ReferralView) => r.id)).toContain(referral.id);
      expect(inbox.total.count).toBeGreaterThanOrEqual(1);
      expect((await iom.get('/api/referrals/badge').expect(200)).body.newCount).toBeGreaterThanOrEqual(1);
    });

    it('shows IOM only the shared sections: summary and situation, no identity', async () => {
      const shared = (await iom.get(`/api/referrals/${referral.id}/case`).expect(200)).body;
      expect(shared.summary).toMatchObject({ code: created.case.code, purposes: ['forced_labour'] });
      expect(shared.situation.labourSector).toBe('agriculture');
      expect(shared.situation.events).toHaveLength(1);
      expect(shared).not.toHaveProperty('identity');
      expect(JSON.stringify(shared)).not.toContain('Ficticia');
      // The whole case stays out of IOM's reach.
      await iom.get(`/api/cases/${created.case.code}`).expect(404);
      // Row-level security agrees: the victim row is not visible to IOM, the trafficking events are.
      const caseId = (await ownerQuery<{ id: string }>(`SELECT id FROM cases WHERE code = $1`, [created.case.code]))[0].id;
      const token = await sessionOf('caseworker@oim.demo');
      const seen = await asAppRole(token, async (client) => ({
        victims: (await client.query(`SELECT 1 FROM victims WHERE "caseId" = $1`, [caseId])).rowCount,
        events: (await client.query(`SELECT 1 FROM trafficking_events WHERE "caseId" = $1`, [caseId])).rowCount,
        notes: (await client.query(`SELECT 1 FROM consents WHERE "caseId" = $1`, [caseId])).rowCount,
      }));
      expect(seen).toEqual({ victims: 0, events: 1, notes: 0 });
    });

    it('lets IOM open, accept, start and complete it, each move in the history and the case timeline', async () => {
      let current: ReferralView = (await iom.get(`/api/referrals/${referral.id}`).expect(200)).body;
      expect(current).toMatchObject({ status: 'received', side: 'receiver', moves: ['accepted', 'declined'] });
      await move(iom, current, { to: 'accepted' }, 400);
      current = await move(iom, current, { to: 'accepted', assigneeId: users['caseworker@oim.demo'] });
      expect(current.assignee?.id).toBe(users['caseworker@oim.demo']);
      current = await move(iom, current, { to: 'in_progress' });
      await move(iom, current, { to: 'completed' }, 400);
      current = await move(iom, current, { to: 'completed', outcome: 'Alojada en hogar de paso' });
      expect(current).toMatchObject({ status: 'completed', outcome: 'Alojada en hogar de paso', moves: [] });
      expect(current.history.filter((e) => e.kind === 'status').map((e) => e.to)).toEqual(['sent', 'received', 'accepted', 'in_progress', 'completed']);
      const timeline = (await police.get(`/api/cases/${created.case.code}/timeline`).expect(200)).body;
      const referralMoves = timeline.filter((e: { details: { referral?: string } }) => e.details.referral === referral.id).map((e: { details: { to?: string; status?: string } }) => e.details.to ?? e.details.status);
      expect(referralMoves).toEqual(['completed', 'in_progress', 'accepted', 'received', 'sent']);
      // Closed: access ends, the history stays.
      await iom.get(`/api/referrals/${referral.id}/case`).expect(404);
      await iom.get(`/api/referrals/${referral.id}`).expect(200);
    });

    it('refuses a move from a stale version with 409', async () => {
      const other = (await refer(police, { caseCode: created.case.code, toInstitutionId: institutions.oim, sections: ['summary'] })).body as ReferralView;
      const opened: ReferralView = (await iom.get(`/api/referrals/${other.id}`).expect(200)).body;
      const response = await iom.post(`/api/referrals/${other.id}/transitions`, { version: other.version, to: 'declined', reason: 'Sin cupo' }).expect(409);
      expect(response.body).toMatchObject({ code: 'stale_version', currentVersion: opened.version });
      await move(police, opened, { to: 'cancelled', reason: 'Ya no se necesita' });
    });

    it('lets a third institution see nothing: API and raw SQL as ruta_app', async () => {
      await das.get(`/api/referrals/${referral.id}`).expect(404);
      await das.get(`/api/referrals/${referral.id}/case`).expect(404);
      expect((await das.get('/api/referrals?box=inbox').expect(200)).body.items.map((r: ReferralView) => r.id)).not.toContain(referral.id);
      await das.get('/api/referrals?box=all').expect(403);
      for (const email of ['investigator@das.demo', 'partner@icbf.demo']) {
        const token = await sessionOf(email);
        const seen = await asAppRole(token, async (client) => ({
          referrals: (await client.query(`SELECT 1 FROM referrals WHERE id = $1`, [referral.id])).rowCount,
          history: (await client.query(`SELECT 1 FROM referral_events WHERE "referralId" = $1`, [referral.id])).rowCount,
          shared: (await client.query(`SELECT 1 FROM ruta_referral_case($1)`, [referral.id])).rowCount,
          cases: (await client.query(`SELECT 1 FROM cases WHERE code = $1`, [created.case.code])).rowCount,
        }));
        expect({ email, seen }).toEqual({ email, seen: { referrals: 0, history: 0, shared: 0, cases: 0 } });
      }
    });

    it('lists exactly the sharing events of the case in its disclosure record', async () => {
      const record = (await police.get(`/api/cases/${created.case.code}/referrals`).expect(200)).body;
      expect(record.caseCode).toBe(created.case.code);
      expect(record.entries).toHaveLength(2);
      const entry = record.entries.find((e: { referralId: string }) => e.referralId === referral.id);
      expect(entry).toMatchObject({ to: { code: 'oim' }, sections: ['summary', 'situation'], documentCount: 0, override: null, status: 'completed' });
      expect(entry.consent.id).toBe(referral.consent!.id);
      expect(entry.openedBy.map((o: { user: { id: string } }) => o.user.id)).toEqual([users['caseworker@oim.demo']]);
      await iom.get(`/api/cases/${created.case.code}/referrals`).expect(404);
    });
  });

  describe('the consent gate', () => {
    it('refuses to share identity without a consent for that institution, naming it', async () => {
      const created = await newCase(police, ['oim']);
      const response = await refer(police, { caseCode: created.case.code, toInstitutionId: institutions.icbf, sections: ['summary', 'identity'] }, 400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'sections', code: 'consent_required', message: expect.stringContaining('identity') })]);
      // The summary alone needs no consent.
      await refer(police, { caseCode: created.case.code, toInstitutionId: institutions.icbf, sections: ['summary'] });
      // An override needs the permission.
      const override = { ground: 'child_at_risk', justification: 'Menor de edad sin acompañante' };
      expect((await refer(police, { caseCode: created.case.code, toInstitutionId: institutions.icbf, sections: ['identity'], override }, 403)).body.code).toBe('override_not_permitted');
    });

    it('lets a role with referrals:override send it on a legal ground, audited and listed for coordinators', async () => {
      const prosecutor = await loginAs(app, 'prosecutor@fiscalia.demo');
      const created = await newCase(prosecutor);
      await refer(prosecutor, { caseCode: created.case.code, toInstitutionId: institutions.icbf, sections: ['identity'], override: { ground: 'child_at_risk' } }, 400);
      const sent: ReferralView = (await refer(prosecutor, { caseCode: created.case.code, toInstitutionId: institutions.icbf, urgency: 'emergency', sections: ['identity'], override: { ground: 'child_at_risk', justification: 'Niña de 14 años en riesgo' } })).body;
      expect(sent).toMatchObject({ override: 'child_at_risk', consent: null, sections: ['summary', 'identity'] });
      const audit = await ownerQuery<{ details: Record<string, unknown> }>(`SELECT details FROM audit_events WHERE action = 'create' AND details->>'referral' = $1`, [sent.id]);
      expect(audit.map((a) => a.details)).toEqual([expect.objectContaining({ override: 'child_at_risk' })]);
      const overrides = (await coordinator.get('/api/referrals?box=all&override=true').expect(200)).body;
      expect(overrides.items.map((r: ReferralView) => r.id)).toContain(sent.id);
      expect(overrides.items.every((r: ReferralView) => r.override)).toBe(true);
      // The partner (ICBF, referred scope) sees the identity that was shared, and the case in its list, nothing more.
      const shared = (await partner.get(`/api/referrals/${sent.id}/case`).expect(200)).body;
      expect(shared.identity.givenNames).toMatch(/^Prueba /);
      expect(shared).not.toHaveProperty('situation');
      await partner.get(`/api/cases/${created.case.code}`).expect(404);
      const token = await sessionOf('partner@icbf.demo');
      const caseId = (await ownerQuery<{ id: string }>(`SELECT id FROM cases WHERE code = $1`, [created.case.code]))[0].id;
      const seen = await asAppRole(token, async (client) => ({
        cases: (await client.query(`SELECT 1 FROM cases WHERE id = $1`, [caseId])).rowCount,
        victims: (await client.query(`SELECT 1 FROM victims WHERE "caseId" = $1`, [caseId])).rowCount,
        events: (await client.query(`SELECT 1 FROM trafficking_events WHERE "caseId" = $1`, [caseId])).rowCount,
        consents: (await client.query(`SELECT 1 FROM consents WHERE "caseId" = $1`, [caseId])).rowCount,
        locations: (await client.query(`SELECT 1 FROM victim_locations WHERE "caseId" = $1`, [caseId])).rowCount,
      }));
      expect(seen).toEqual({ cases: 1, victims: 1, events: 0, consents: 0, locations: 0 });
    });
  });

  it('ends the receiver\u2019s access at once when the consent is revoked', async () => {
    const created = await newCase(police, ['oim']);
    const sent: ReferralView = (await refer(police, { caseCode: created.case.code, toInstitutionId: institutions.oim, sections: ['identity'] })).body;
    expect((await iom.get(`/api/referrals/${sent.id}/case`).expect(200)).body.identity.givenNames).toMatch(/^Prueba /);
    await police.post(`/api/cases/${created.case.code}/consents/${sent.consent!.id}/revoke`).expect(200);
    await iom.get(`/api/referrals/${sent.id}/case`).expect(404);
    const view: ReferralView = (await iom.get(`/api/referrals/${sent.id}`).expect(200)).body;
    expect(view).toMatchObject({ accessEnded: 'consent_revoked', moves: [] });
    expect(view.history.map((e) => e.kind)).toContain('access_ended');
    const caseId = (await ownerQuery<{ id: string }>(`SELECT id FROM cases WHERE code = $1`, [created.case.code]))[0].id;
    const victims = await asAppRole(await sessionOf('caseworker@oim.demo'), async (client) => (await client.query(`SELECT 1 FROM victims WHERE "caseId" = $1`, [caseId])).rowCount);
    expect(victims).toBe(0);
    // Sending again on the revoked consent is refused.
    await refer(police, { caseCode: created.case.code, toInstitutionId: institutions.oim, sections: ['identity'] }, 400);
  });

  it('marks a referral overdue past its deadline (injected clock), once, with two instances running the job', async () => {
    const created = await newCase(police, ['oim']);
    const sent: ReferralView = (await refer(police, { caseCode: created.case.code, toInstitutionId: institutions.oim, urgency: 'emergency', sections: ['summary'] })).body;
    const later = new Date(new Date(sent.deadlineAt!).getTime() + 60_000);
    // The one clock of the application (the platform provides it), as every area's job and service reads it.
    const spy = jest.spyOn(Clock.prototype, 'now').mockReturnValue(later);
    const second = await createApp(testConfig({ REFERRAL_DEADLINE_CHECK_SECONDS: '0' }), { app: process.env.RUTA_TEST_APP_URL!, system: process.env.RUTA_TEST_SYSTEM_URL! }, { logs: false });
    await second.init();
    try {
      expect((await police.get(`/api/referrals/${sent.id}`).expect(200)).body.overdue).toBe(true);
      expect((await iom.get('/api/referrals?box=inbox&overdue=true').expect(200)).body.items.map((r: ReferralView) => r.id)).toContain(sent.id);
      const runs = await Promise.all([app.get(ReferralDeadlineJob).runOnce(later), second.get(ReferralDeadlineJob).runOnce(later)]);
      expect(runs.flatMap((r) => r.marked).filter((id) => id === sent.id)).toEqual([sent.id]);
      const again = await second.get(ReferralDeadlineJob).runOnce(later);
      expect(again.marked).not.toContain(sent.id);
      const events = await ownerQuery(`SELECT 1 FROM referral_events WHERE "referralId" = $1 AND kind = 'overdue'`, [sent.id]);
      expect(events).toHaveLength(1);
      const notified = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE "referralId" = $1 AND kind = 'referral_overdue' AND "userId" = $2`, [sent.id, users['caseworker@oim.demo']]);
      expect(notified[0].n).toBe(1);
      const notifications = (await iom.get('/api/notifications').expect(200)).body.items;
      expect(notifications.some((n: { kind: string; referralId: string }) => n.kind === 'referral_overdue' && n.referralId === sent.id)).toBe(true);
    } finally {
      spy.mockRestore();
      await second.close();
    }
  });

  it('e-mails the receiving institution a link and the case code, no personal data', async () => {
    const created = await newCase(police, ['oim']);
    const sent: ReferralView = (await refer(police, { caseCode: created.case.code, toInstitutionId: institutions.oim, sections: ['identity'] })).body;
    const deadline = Date.now() + 10_000;
    let mail: string | undefined;
    while (!mail && Date.now() < deadline) {
      mail = mails.find((m) => m.includes(sent.id));
      if (!mail) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(mail).toBeDefined();
    expect(mail).toContain(created.case.code);
    expect(mail).toContain(`https://ruta.example/remisiones/${sent.id}`);
    const victim = created.case.victimName ?? '';
    for (const secret of ['Prueba', 'Ficticia', victim, 'caseworker@oim.demo'].filter(Boolean)) expect(mail).not.toContain(secret);
  });

  it('computes the coordinators\u2019 response times per institution like a hand-computed fixture', async () => {
    const [{ id: target }] = await ownerQuery<{ id: string }>(`INSERT INTO institutions (code, name, type, version) VALUES ('stats-test', 'Institución de prueba', 'ngo', 1) RETURNING id`);
    const [{ id: caseId, code }] = await ownerQuery<{ id: string; code: string }>(`SELECT id, code FROM cases ORDER BY code LIMIT 1`);
    // Hours to accept: 2, 4, 10, 30 → median 7, p90 24; to complete: 24, 48 → median 36, p90 45.6.
    const fixture: [number, number | null, number | null, string][] = [
      [0, 2, 24, 'completed'],
      [0, 4, 48, 'completed'],
      [0, 10, null, 'in_progress'],
      [0, 30, null, 'accepted'],
      [0, null, null, 'declined'],
    ];
    for (const [sent, accepted, completed, status] of fixture) {
      await ownerQuery(
        `INSERT INTO referrals ("caseId", "caseCode", "fromInstitutionId", "toInstitutionId", "createdById", purpose, urgency, sections, status, "sentAt", "acceptedAt", "completedAt", version)
         VALUES ($1, $2, $3, $4, $5, 'health', 'routine', '{summary}', $6, $7::timestamptz, $7::timestamptz + make_interval(hours => $8), $7::timestamptz + make_interval(hours => $9), 1)`,
        [caseId, code, institutions.policia, target, users['investigator@policia.demo'], status, new Date(Date.UTC(2026, 0, 5, 8) + sent * 3_600_000).toISOString(), accepted, completed],
      );
    }
    const stats = (await coordinator.get('/api/referral-review/stats').expect(200)).body;
    expect(stats.find((s: { institution: { id: string } }) => s.institution.id === target)).toEqual({
      institution: { id: target, code: 'stats-test', name: 'Institución de prueba' },
      received: 5,
      accepted: 4,
      completed: 2,
      declined: 1,
      overdue: 0,
      toAccept: { count: 4, medianHours: 7, p90Hours: 24 },
      toComplete: { count: 2, medianHours: 36, p90Hours: 45.6 },
    });
    const network = (await coordinator.get('/api/referral-review/network').expect(200)).body;
    expect(network.links).toContainEqual({ fromId: institutions.policia, toId: target, total: 5, open: 2, completed: 2, declined: 1, cancelled: 0 });
    await police.get('/api/referral-review/stats').expect(403);
  });
});
