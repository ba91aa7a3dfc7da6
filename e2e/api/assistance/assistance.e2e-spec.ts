import { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { SMTPServer } from 'smtp-server';
import { AssistanceCounts, AssistanceOverview, AssistanceServiceView, ClosureInboxPage } from '@ruta/shared';
import { PhaseTimers } from '@ruta/assistance';
import { Clock } from '@ruta/platform';
import { asAppRole, sessionOf, sessionWithRole } from '../../support/app-role';
import { newCaseRequest, ownerQuery } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';

const DAY = 86_400_000;

/**
 * Assistance end to end: an IOM caseworker plans and delivers services through both Law 985 phases; the phase job
 * (injected clock, two instances at once) marks an overdue phase and the one extension moves the deadline; closing
 * goes through a supervisor's approval; another institution reads nothing (API and raw SQL); final services and
 * closed cases answer 409; nothing asks for a complaint; the reporting counts match a fixture computed by hand.
 */
describe('assistance', () => {
  let app: INestApplication;
  let caseworker: ApiSession;
  let supervisor: ApiSession;
  let coordinator: ApiSession;
  let smtp: SMTPServer;
  /** What the local mail server received: the envelope's recipients and the raw message. */
  const mails: { to: string[]; text: string }[] = [];

  async function newCase(victim: object = {}, situation: object = {}): Promise<string> {
    return (await caseworker.post('/api/cases', newCaseRequest({ victim, situation })).expect(201)).body.case.code;
  }

  async function move(code: string, to: string, expected = 200, extra: object = {}, as = caseworker) {
    const { version } = (await as.get(`/api/cases/${code}`).expect(200)).body;
    return as.post(`/api/cases/${code}/transitions`, { version, to, ...extra }).expect(expected);
  }

  async function overview(code: string, as = caseworker): Promise<AssistanceOverview> {
    return (await as.get(`/api/cases/${code}/assistance`).expect(200)).body;
  }

  async function addService(code: string, body: object): Promise<AssistanceServiceView> {
    const before = (await overview(code)).services.map((s) => s.id);
    const after: AssistanceOverview = (await caseworker.post(`/api/cases/${code}/assistance/services`, { plannedOn: '2025-01-10', ...body }).expect(201)).body;
    return after.services.find((s) => !before.includes(s.id))!;
  }

  async function setService(service: AssistanceServiceView, body: object, expected = 200) {
    return caseworker.patch(`/api/assistance/services/${service.id}`, { version: service.version, ...body }).expect(expected);
  }

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), text });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    app = await createTestApp({ REFERRAL_DEADLINE_CHECK_SECONDS: '0', SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: 'https://ruta.example' });
    [caseworker, supervisor, coordinator] = await Promise.all([loginAs(app, 'caseworker@oim.demo'), loginAs(app, 'supervisor@oim.demo'), loginAs(app, 'coordinator@mininterior.demo')]);
  });
  afterAll(async () => {
    await app.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('plans and delivers services through both phases, with the timers of each phase and no complaint asked', async () => {
    const code = await newCase();
    await move(code, 'immediate_assistance');
    let current = (await caseworker.put(`/api/cases/${code}/assistance/plan`, { objectives: 'Estabilizar y reintegrar' }).expect(200)).body as AssistanceOverview;
    expect(current.plan).toMatchObject({ objectives: 'Estabilizar y reintegrar', version: 1 });
    expect(current.timers).toEqual([expect.objectContaining({ phase: 'immediate', daysLeft: 5, extended: false, overdue: false, ended: false })]);

    const lodging = await addService(code, { phase: 'immediate', category: 'lodging', costCop: 350000 });
    const medical = await addService(code, { phase: 'immediate', category: 'medical', beneficiary: 'child' });
    expect(lodging).toMatchObject({ status: 'planned', costCop: 350000, moves: ['in_progress', 'delivered', 'declined', 'cancelled'] });
    expect(medical.beneficiary).toBe('child');
    await setService(lodging, { status: 'in_progress' });
    current = (await setService({ ...lodging, version: 2 }, { status: 'delivered' })).body;
    current = (await setService(medical, { status: 'delivered' })).body;
    expect(current.services.map((s) => [s.category, s.status])).toEqual([['lodging', 'delivered'], ['medical', 'delivered']]);
    expect(current.services[0].deliveredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await move(code, 'medium_term_assistance');
    const training = await addService(code, { phase: 'medium_term', category: 'job_training' });
    current = (await setService(training, { status: 'in_progress', startedOn: '2026-01-05' })).body;
    expect(current.caseStatus).toBe('medium_term_assistance');
    expect(current.timers.map((t) => [t.phase, t.ended])).toEqual([['immediate', true], ['medium_term', false]]);
    expect(current.timers[1].daysLeft).toBeGreaterThanOrEqual(180);
    // Nothing in the plan, the services or the moves asked for a complaint or a prosecution (C-470/2016).
    expect(JSON.stringify(current)).not.toMatch(/complaint|denuncia/i);
    const audit = await ownerQuery(`SELECT count(*)::int AS n FROM audit_events e JOIN cases c ON c.id::text = e."entityId" WHERE c.code = $1 AND e.details->>'section' = 'assistance'`, [code]);
    expect((audit[0] as { n: number }).n).toBeGreaterThanOrEqual(8);
  });

  it('refuses to deliver a cancelled service and to move a delivered one, with a clear message', async () => {
    const code = await newCase();
    const kit = await addService(code, { phase: 'immediate', category: 'material_kit' });
    await setService(kit, { status: 'cancelled' });
    const refused = await setService({ ...kit, version: 2 }, { status: 'delivered' }, 409);
    expect(refused.body).toMatchObject({ code: 'service_transition_not_allowed', detail: 'A cancelled service cannot be marked delivered' });
    const stale = await setService(kit, { notes: 'otra' }, 409);
    expect(stale.body.code).toBe('stale_version');
    const invalid = await caseworker.post(`/api/cases/${code}/assistance/services`, { phase: 'later', category: 'lodging', plannedOn: 'yesterday', costCop: 10.5 }).expect(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['costCop', 'phase', 'plannedOn']);
  });

  it('marks an overdue phase once with two instances (injected clock), alerts, and the one extension moves the deadline', async () => {
    const code = await newCase();
    await move(code, 'immediate_assistance');
    const timer = (await overview(code)).timers[0];
    const later = new Date(new Date(timer.deadlineAt).getTime() + DAY);
    const job = app.get(PhaseTimers);
    const runs = await Promise.all([job.runOnce(later), job.runOnce(later)]);
    const marked = runs.flatMap((r) => r.marked);
    expect(marked.filter((id) => id === timer.id)).toHaveLength(1);
    expect((await job.runOnce(later)).marked).not.toContain(timer.id);

    const overdue = (await overview(code)).timers[0];
    expect(overdue).toMatchObject({ overdue: true, version: timer.version + 1 });
    const alerts = (await supervisor.get('/api/assistance/alerts').expect(200)).body;
    expect(alerts).toContainEqual(expect.objectContaining({ kind: 'phase_overdue', caseCode: code, read: false }));
    // The same notice by e-mail to the owner and the supervisor, once, with the case code and a link only.
    const deadline = Date.now() + 10_000;
    while (!mails.some((m) => m.text.includes(code)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const sent = mails.filter((m) => m.text.includes(code));
    expect(sent).toHaveLength(1);
    expect(sent[0].to).toEqual(expect.arrayContaining(['caseworker@oim.demo', 'supervisor@oim.demo']));
    expect(sent[0].text).toContain(`https://ruta.example/casos/${code}`);
    const victim = (await caseworker.get(`/api/cases/${code}`).expect(200)).body.victimName ?? '';
    for (const secret of ['Prueba', 'Ficticia', victim].filter(Boolean)) expect(sent[0].text).not.toContain(secret);

    const missing = await caseworker.post(`/api/cases/${code}/assistance/extensions`, { phase: 'immediate', version: overdue.version, justification: ' ' }).expect(400);
    expect(missing.body.errors[0]).toMatchObject({ field: 'justification' });
    const extended: AssistanceOverview = (await caseworker.post(`/api/cases/${code}/assistance/extensions`, { phase: 'immediate', version: overdue.version, justification: 'Espera de cupo en hogar de paso' }).expect(200)).body;
    const moved = extended.timers[0];
    expect(new Date(moved.deadlineAt).getTime() - new Date(timer.deadlineAt).getTime()).toBe(3 * DAY);
    expect(moved).toMatchObject({ extended: true, overdue: false, extensionJustification: 'Espera de cupo en hogar de paso' });
    const again = await caseworker.post(`/api/cases/${code}/assistance/extensions`, { phase: 'immediate', version: moved.version, justification: 'otra vez' }).expect(409);
    expect(again.body.code).toBe('already_extended');
  });

  it('resumes a suspended phase with the days it had left and its extension, not a fresh window (Law 985 durations)', async () => {
    const code = await newCase();
    const start = new Date('2026-04-01T12:00:00Z');
    const at = (offsetMs: number) => jest.spyOn(Clock.prototype, 'now').mockReturnValue(new Date(start.getTime() + offsetMs));
    try {
      at(0);
      await move(code, 'immediate_assistance');
      const first = (await overview(code)).timers[0];
      expect(first.deadlineAt).toBe('2026-04-06T12:00:00.000Z');
      const extended: AssistanceOverview = (await caseworker.post(`/api/cases/${code}/assistance/extensions`, { phase: 'immediate', version: first.version, justification: 'Cupo en hogar de paso' }).expect(200)).body;
      expect(extended.timers[0].deadlineAt).toBe('2026-04-09T12:00:00.000Z');
      // Suspended on day 2 (6 days left with the extension), resumed 20 days later.
      at(2 * DAY);
      await move(code, 'suspended', 200, { suspensionReason: 'victim_unreachable' });
      at(22 * DAY);
      await move(code, 'immediate_assistance');
      const timers = (await overview(code)).timers;
      expect(timers.map((t) => [t.phase, t.ended])).toEqual([['immediate', true], ['immediate', false]]);
      expect(timers[1]).toMatchObject({ startedAt: '2026-04-23T12:00:00.000Z', deadlineAt: '2026-04-29T12:00:00.000Z', daysLeft: 6, extended: true, extensionJustification: 'Cupo en hogar de paso', overdue: false });
      // The one extension was used before the suspension: the resumed window cannot be extended again.
      const again = await caseworker.post(`/api/cases/${code}/assistance/extensions`, { phase: 'immediate', version: timers[1].version, justification: 'otra' }).expect(409);
      expect(again.body.code).toBe('already_extended');
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('alerts the supervisor on a high risk and suggests a protection referral', async () => {
    const code = await newCase();
    const assessed: AssistanceOverview = (
      await caseworker.post(`/api/cases/${code}/assistance/risk-assessments`, { kind: 'initial', level: 'extreme', threats: ['traffickers', 're_trafficking'], measures: 'Cambio de hogar', nextReviewOn: '2026-12-01' }).expect(201)
    ).body;
    expect(assessed.suggestProtectionReferral).toBe(true);
    expect(assessed.risks[0]).toMatchObject({ level: 'extreme', threats: ['traffickers', 're_trafficking'] });
    const alerts = (await supervisor.get('/api/assistance/alerts').expect(200)).body;
    expect(alerts).toContainEqual(expect.objectContaining({ kind: 'high_risk', caseCode: code }));
    expect((await caseworker.get('/api/assistance/alerts').expect(200)).body.map((a: { caseCode: string }) => a.caseCode)).not.toContain(code);
    const myDay = (await caseworker.get('/api/assistance/my-day').expect(200)).body;
    expect(myDay.highRisk).toBeGreaterThanOrEqual(0);
    await caseworker.post(`/api/cases/${code}/assistance/follow-ups`, { contactOn: '2026-01-20', channel: 'phone', outcome: 'reached', nextOn: '2026-01-10' }).expect(400);
  });

  it('lists the cases behind each card of my day, with the same totals and keyset pages', async () => {
    for (const code of [await newCase(), await newCase()]) await move(code, 'immediate_assistance');
    const myDay = (await caseworker.get('/api/assistance/my-day').expect(200)).body;
    const cards: [string, number][] = [
      ['phase_immediate', myDay.byPhase.immediate],
      ['phase_medium_term', myDay.byPhase.mediumTerm],
      ['high_risk', myDay.highRisk],
      ['services_overdue', myDay.servicesOverdue],
      ['follow_ups_overdue', myDay.followUpsOverdue],
      ['follow_ups_due', myDay.followUpsDueToday],
      ['closures_pending', myDay.closuresPending],
    ];
    for (const [kind, count] of cards) {
      const page = (await caseworker.get(`/api/assistance/worklist?kind=${kind}&limit=100`).expect(200)).body;
      expect({ kind, total: page.total, shown: page.items.length }).toEqual({ kind, total: count, shown: Math.min(count, 100) });
    }
    expect(myDay.byPhase.immediate).toBeGreaterThanOrEqual(2);
    const first = (await caseworker.get('/api/assistance/worklist?kind=phase_immediate&limit=1').expect(200)).body;
    const second = (await caseworker.get(`/api/assistance/worklist?kind=phase_immediate&limit=1&cursor=${encodeURIComponent(first.nextCursor)}`).expect(200)).body;
    expect(second.items[0].caseCode).not.toBe(first.items[0].caseCode);
    const key = (item: { on: string; caseCode: string }) => `${item.on} ${item.caseCode}`;
    expect(key(first.items[0]) < key(second.items[0])).toBe(true);
    // Newest first: the same list in the opposite order, page by page on the same keyset.
    const all = (await caseworker.get('/api/assistance/worklist?kind=phase_immediate&limit=100').expect(200)).body.items.map(key);
    const newest = (await caseworker.get('/api/assistance/worklist?kind=phase_immediate&limit=1&sort=-date').expect(200)).body;
    const next = (await caseworker.get(`/api/assistance/worklist?kind=phase_immediate&limit=100&sort=-date&cursor=${encodeURIComponent(newest.nextCursor)}`).expect(200)).body;
    expect([...newest.items, ...next.items].map(key)).toEqual([...all].reverse());
    expect(newest.total).toBe(first.total);
    await caseworker.get('/api/assistance/worklist?kind=phase_immediate&sort=name').expect(400);
    await caseworker.get('/api/assistance/worklist?kind=everything').expect(400);
  });

  it('closes only with a supervisor approval from the inbox; a closed case cannot be closed again', async () => {
    const code = await newCase();
    await move(code, 'immediate_assistance');
    const refused = await move(code, 'closed', 409, { closeReason: 'assistance_completed' });
    expect(refused.body.code).toBe('closure_approval_required');

    const request = (await caseworker.post(`/api/cases/${code}/assistance/closure`, { reason: 'reintegrated', note: 'Trabaja y vive con su familia' }).expect(201)).body;
    expect(request).toMatchObject({ status: 'pending', reason: 'reintegrated' });
    await caseworker.post(`/api/cases/${code}/assistance/closure`, { reason: 'other' }).expect(409);
    await caseworker.get('/api/assistance/closures').expect(403);
    const inbox: ClosureInboxPage = (await supervisor.get('/api/assistance/closures?limit=100').expect(200)).body;
    expect(inbox.items.find((i) => i.id === request.id)).toMatchObject({ caseCode: code, caseStatus: 'immediate_assistance' });
    expect(inbox.total).toBeGreaterThanOrEqual(1);

    await supervisor.post(`/api/assistance/closures/${request.id}/decision`, { version: request.version, decision: 'reject' }).expect(400);
    const approved = (await supervisor.post(`/api/assistance/closures/${request.id}/decision`, { version: request.version, decision: 'approve', comment: 'De acuerdo' }).expect(200)).body;
    expect(approved).toMatchObject({ status: 'approved', comment: 'De acuerdo' });
    const closed = (await caseworker.get(`/api/cases/${code}`).expect(200)).body;
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'assistance_completed' });
    expect((await overview(code)).timers[0].ended).toBe(true);

    const twice = await caseworker.post(`/api/cases/${code}/assistance/closure`, { reason: 'other' }).expect(409);
    expect(twice.body).toMatchObject({ code: 'case_closed', detail: 'This case is closed already' });
    await supervisor.post(`/api/assistance/closures/${request.id}/decision`, { version: approved.version, decision: 'approve' }).expect(409);
    // Reopening is the case machine's own move, recorded in its history.
    await move(code, 'follow_up');
    const moves = await ownerQuery<{ to: string }>(`SELECT t."toStatus" AS to FROM case_status_transitions t JOIN cases c ON c.id = t."caseId" WHERE c.code = $1 ORDER BY t.at`, [code]);
    expect(moves.map((m) => m.to)).toEqual(['received', 'immediate_assistance', 'closed', 'follow_up']);
  });

  it('lets a supervisor decide her own closure only with assistance:self_approve (API and raw SQL)', async () => {
    // A second IOM supervisor whose role lacks self-approval (the demo password's hash is reused).
    const [{ id: roleId }] = await ownerQuery<{ id: string }>(
      `INSERT INTO roles (code, "nameEs", "nameEn", scope, permissions, version)
       SELECT 'supervisor_no_self', 'Supervisor sin autoaprobación', 'Supervisor without self-approval', scope, array_remove(permissions, 'assistance:self_approve'), 1
         FROM roles WHERE code = 'supervisor' RETURNING id`,
    );
    await ownerQuery(
      `INSERT INTO users (email, name, "institutionId", "roleId", "passwordHash", version)
       SELECT 'supervisora.dos@oim.test', 'Supervisora Dos', "institutionId", $1, "passwordHash", 1 FROM users WHERE email = 'supervisor@oim.demo'`,
      [roleId],
    );
    const second = await loginAs(app, 'supervisora.dos@oim.test');
    const code = (await second.post('/api/cases', newCaseRequest()).expect(201)).body.case.code;
    await move(code, 'immediate_assistance', 200, {}, second);
    expect((await move(code, 'closed', 409, { closeReason: 'other' }, second)).body.code).toBe('closure_approval_required');
    const request = (await second.post(`/api/cases/${code}/assistance/closure`, { reason: 'transferred' }).expect(201)).body;
    const own = await second.post(`/api/assistance/closures/${request.id}/decision`, { version: request.version, decision: 'approve' }).expect(403);
    expect(own.body.code).toBe('self_approval_not_permitted');
    const token = await sessionOf('supervisora.dos@oim.test');
    const raw = asAppRole(token, (client) => client.query(`UPDATE assistance_closure_requests SET status = 'approved', "decidedAt" = now(), "decidedById" = "requestedById" WHERE id = $1`, [request.id]));
    await expect(raw).rejects.toThrow(/row-level security/);
    await supervisor.post(`/api/assistance/closures/${request.id}/decision`, { version: request.version, decision: 'approve' }).expect(200);
    expect((await second.get(`/api/cases/${code}`).expect(200)).body).toMatchObject({ status: 'closed', closeReason: 'referred_elsewhere' });
  });

  it('shows the plan to nobody outside the case scope: API and raw SQL', async () => {
    const code = await newCase();
    await addService(code, { phase: 'immediate', category: 'psychosocial' });
    const caseId = (await ownerQuery<{ id: string }>(`SELECT id FROM cases WHERE code = $1`, [code]))[0].id;
    const police = await loginAs(app, 'investigator@policia.demo');
    await police.get(`/api/cases/${code}/assistance`).expect(403);
    const other = await sessionWithRole({ institution: 'policia', scope: 'institution', permissions: ['cases:read', 'assistance:read', 'assistance:manage'] });
    const count = (token: string) =>
      asAppRole(token, async (client) => ({
        services: (await client.query(`SELECT 1 FROM assistance_services WHERE "caseId" = $1`, [caseId])).rowCount,
        plans: (await client.query(`SELECT 1 FROM assistance_plans WHERE "caseId" = $1`, [caseId])).rowCount,
      }));
    expect(await count(other.token)).toEqual({ services: 0, plans: 0 });
    expect(await count(await sessionOf('supervisor@oim.demo'))).toEqual({ services: 1, plans: 1 });
    const write = asAppRole(other.token, (client) =>
      client.query(`INSERT INTO risk_assessments ("caseId", kind, level, "assessedById") VALUES ($1, 'initial', 'low', $2)`, [caseId, other.userId]),
    );
    await expect(write).rejects.toThrow(/row-level security/);
    await supervisor.get(`/api/cases/${code}/assistance`).expect(200);
  });

  it('records beneficiary relatives on the case and plans a service for one of them, in the case scope only', async () => {
    const code = await newCase();
    const otherCode = await newCase();
    const path = `/api/cases/${code}/assistance/participants`;
    const invalid = await caseworker.post(path, { fullName: ' ', relation: 'victim', sex: 'girl', ageBand: '5' }).expect(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['ageBand', 'fullName', 'relation', 'sex']);
    const withMother: AssistanceOverview = (await caseworker.post(path, { fullName: 'Rosa Díaz', relation: 'parent', sex: 'female', ageBand: '39-47' }).expect(201)).body;
    expect(withMother.participants).toEqual([expect.objectContaining({ fullName: 'Rosa Díaz', relation: 'parent', sex: 'female', ageBand: '39-47', version: 1 })]);
    const mother = withMother.participants[0];

    const forMother = await addService(code, { phase: 'immediate', category: 'psychosocial', participantId: mother.id });
    expect(forMother).toMatchObject({ beneficiary: 'parent', participantId: mother.id });
    const forVictim = await addService(code, { phase: 'immediate', category: 'lodging' });
    expect(forVictim).toMatchObject({ beneficiary: 'victim', participantId: null });
    // A relative of another case, or a relation that contradicts the participant's, is a field error.
    const foreign = await caseworker.post(`/api/cases/${otherCode}/assistance/services`, { phase: 'immediate', category: 'medical', plannedOn: '2025-01-10', participantId: mother.id }).expect(400);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'participantId', code: 'invalid_reference' })]);
    const mismatch = await caseworker.post(`/api/cases/${code}/assistance/services`, { phase: 'immediate', category: 'medical', plannedOn: '2025-01-10', participantId: mother.id, beneficiary: 'child' }).expect(400);
    expect(mismatch.body.errors).toEqual([expect.objectContaining({ field: 'beneficiary' })]);

    const audit = await ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events e JOIN cases c ON c.id::text = e."entityId" WHERE c.code = $1 AND e.details->>'participant' = $2`,
      [code, mother.id],
    );
    expect(audit[0].n).toBe(1);
    const caseId = (await ownerQuery<{ id: string }>(`SELECT id FROM cases WHERE code = $1`, [code]))[0].id;
    const other = await sessionWithRole({ institution: 'policia', scope: 'institution', permissions: ['cases:read', 'assistance:read', 'assistance:manage'] });
    const seen = (token: string) => asAppRole(token, async (client) => (await client.query(`SELECT "fullName" FROM assistance_participants WHERE "caseId" = $1`, [caseId])).rowCount);
    expect(await seen(other.token)).toBe(0);
    expect(await seen(await sessionOf('supervisor@oim.demo'))).toBe(1);
    const write = asAppRole(other.token, (client) =>
      client.query(`INSERT INTO assistance_participants ("caseId", "fullName", relation, sex, "createdById", version) VALUES ($1, 'X', 'child', 'male', $2, 1)`, [caseId, other.userId]),
    );
    await expect(write).rejects.toThrow(/row-level security/);
  });

  it('proposes the directory providers that fit the category and the department', async () => {
    await caseworker.post('/api/assistance/providers', { name: 'Hogar X', categories: ['lodging'], departmentCodes: ['11'] }).expect(403);
    // Administrators keep the directory: add, rename with the version, refuse a duplicate name, deactivate.
    const admin = await loginAs(app, 'admin@mininterior.demo');
    const added = (await admin.post('/api/assistance/providers', { name: 'Hogar Demo Cali', categories: ['lodging', 'security'], departmentCodes: ['76'] }).expect(201)).body;
    expect(added).toMatchObject({ active: true, version: 1, categories: ['lodging', 'security'] });
    await admin.post('/api/assistance/providers', { name: 'Hogar Demo Cali', categories: ['lodging'], departmentCodes: [] }).expect(409);
    await admin.post('/api/assistance/providers', { name: 'X', categories: ['parking'], departmentCodes: ['1'] }).expect(400);
    const inCali = (await caseworker.get('/api/assistance/providers?category=lodging&department=76').expect(200)).body as { id: string }[];
    expect(inCali.map((p) => p.id)).toContain(added.id);
    const inBogota = (await caseworker.get('/api/assistance/providers?category=lodging&department=11').expect(200)).body as { id: string }[];
    expect(inBogota.map((p) => p.id)).not.toContain(added.id);
    await admin.put(`/api/assistance/providers/${added.id}`, { name: 'Hogar Demo Cali', categories: ['lodging'], departmentCodes: ['76'], active: false, version: 1 }).expect(200);
    await admin.put(`/api/assistance/providers/${added.id}`, { name: 'Hogar Demo Cali', categories: ['lodging'], departmentCodes: ['76'], version: 1 }).expect(409);
    expect(((await caseworker.get('/api/assistance/providers?category=lodging&department=76').expect(200)).body as { id: string }[]).map((p) => p.id)).not.toContain(added.id);
    expect(((await admin.get('/api/assistance/providers/all').expect(200)).body as { id: string; active: boolean }[]).find((p) => p.id === added.id)).toMatchObject({ active: false });
    const providers = (await caseworker.get('/api/assistance/providers?category=lodging&department=11').expect(200)).body as { name: string; categories: string[] }[];
    expect(providers.length).toBeGreaterThan(0);
    expect(providers.every((p) => p.categories.includes('lodging'))).toBe(true);
  });

  it('counts victims assisted in a period as a fixture computed by hand', async () => {
    const a = await newCase({ sex: 'female', nationality: 'CO' }, { purposes: ['forced_labour'] });
    const b = await newCase({ sex: 'male', nationality: 'VE' }, { purposes: ['sexual_exploitation', 'forced_labour'], labourSector: null });
    const c = await newCase({ sex: 'female', nationality: 'VE' }, { purposes: ['forced_begging'], labourSector: null });
    const d = await newCase({ sex: 'male', nationality: 'CO' });
    const deliver = async (code: string, phase: string, category: string, on: string) => setService(await addService(code, { phase, category }), { status: 'delivered', deliveredOn: on });
    await deliver(a, 'immediate', 'lodging', '2025-02-10');
    await deliver(a, 'immediate', 'medical', '2025-02-11');
    await deliver(b, 'medium_term', 'job_training', '2025-02-20');
    await setService(await addService(c, { phase: 'immediate', category: 'psychosocial' }), { status: 'in_progress', startedOn: '2025-01-20' });
    await deliver(d, 'immediate', 'lodging', '2025-03-05'); // after the period
    const cancelled = await addService(d, { phase: 'immediate', category: 'medical' });
    await setService(cancelled, { status: 'cancelled' });

    const counts: AssistanceCounts = (await coordinator.get('/api/assistance/counts?from=2025-02-01&to=2025-02-28').expect(200)).body;
    const bands = Object.fromEntries((await ownerQuery<{ code: string; ageBand: string }>(`SELECT code, "ageBand" FROM cases WHERE code = ANY($1)`, [[a, b, c]])).map((r) => [r.code, r.ageBand ?? 'unknown']));
    const byBand: Record<string, number> = {};
    for (const code of [a, b, c]) byBand[bands[code]] = (byBand[bands[code]] ?? 0) + 1;
    const asMap = (rows: { value: string; victims: number }[]) => Object.fromEntries(rows.map((r) => [r.value, r.victims]));
    expect(counts.total).toBe(3);
    expect(asMap(counts.by.phase)).toEqual({ immediate: 2, medium_term: 1 });
    expect(asMap(counts.by.category)).toEqual({ lodging: 1, medical: 1, job_training: 1, psychosocial: 1 });
    expect(asMap(counts.by.sex)).toEqual({ female: 2, male: 1 });
    expect(asMap(counts.by.nationality)).toEqual({ CO: 1, VE: 2 });
    expect(asMap(counts.by.purpose)).toEqual({ forced_labour: 2, sexual_exploitation: 1, forced_begging: 1 });
    expect(asMap(counts.by.ageBand)).toEqual(byBand);
    expect(JSON.stringify(counts)).not.toMatch(/RT-\d{4}|Prueba|Ficticia/);
    await caseworker.get('/api/assistance/counts?from=2025-02-01&to=2025-02-28').expect(403);
    await coordinator.get('/api/assistance/counts?from=2025-02-28&to=2025-02-01').expect(400);
  });
});
