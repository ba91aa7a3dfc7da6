import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { INestApplication } from '@nestjs/common';
import Papa from 'papaparse';
import { CreateCaseResponse, ExportJobView, RoleDashboard } from '@ruta/shared';
import { EXPORT_LEASE_MS, ExportJob } from '@ruta/indicators';
import { newCaseRequest, ownerQuery } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';

const bogota = (at: Date) => at.toLocaleDateString('en-CA', { timeZone: 'America/Bogota' });
const shift = (date: string, days: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

function binary(request: ReturnType<ApiSession['get']>) {
  return request.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });
}

/**
 * The text a PDF shows: every content stream inflated, the strings of its text operators decoded (PDFKit writes hex,
 * one word with its trailing space at a time), joined.
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index! + match[0].length;
    const end = raw.indexOf('endstream', start);
    let body: string;
    try {
      body = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const array of body.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      lines.push([...array[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1], 'hex').toString('latin1')).join(''));
    }
  }
  return lines.join('');
}

const figure = (d: RoleDashboard, key: string) => d.figures.find((f) => f.key === key)?.value;
const bar = (d: RoleDashboard, series: string, category: string) => d.series.find((s) => s.key === series)!.values[d.categories.indexOf(category)];

/**
 * The role dashboards (each a delta on a hand-made fixture over the seeded demo data, and unchanged for a user outside
 * the fixture's scope), the case summary PDF, a case-list export with the list's filters, and the recovery of an export
 * left running by a dead server (with the job's clock moved).
 */
describe('role dashboards, case summary and export recovery', () => {
  let app: INestApplication;
  let caseworker: ApiSession;
  let supervisor: ApiSession;
  let police: ApiSession;
  let das: ApiSession;
  let prosecutor: ApiSession;
  let operator: ApiSession;
  let coordinator: ApiSession;
  let users: Record<string, string>;
  const today = bogota(new Date());

  async function newCase(session: ApiSession, identifiedOn = '2026-01-15'): Promise<CreateCaseResponse> {
    const response = await session.post('/api/cases', newCaseRequest({ case: { identifiedOn }, screening: { screenedOn: identifiedOn } }));
    if (response.status !== 201) throw new Error(`case: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }
  const idOf = async (c: CreateCaseResponse) => (await ownerQuery<{ id: string }>(`SELECT id FROM cases WHERE code = $1`, [c.case.code]))[0].id;
  const dashboard = async (session: ApiSession, kind: string): Promise<RoleDashboard> => (await session.get(`/api/indicators/dashboards/${kind}`).expect(200)).body;

  beforeAll(async () => {
    app = await createTestApp({ REFERRAL_DEADLINE_CHECK_SECONDS: '0', RUTA_EXPORT_JOB: 'off' });
    users = Object.fromEntries((await ownerQuery<{ email: string; id: string }>(`SELECT email, id FROM users`)).map((r) => [r.email, r.id]));
    caseworker = await loginAs(app, 'caseworker@oim.demo');
    supervisor = await loginAs(app, 'supervisor@oim.demo');
    police = await loginAs(app, 'investigator@policia.demo');
    das = await loginAs(app, 'investigator@das.demo');
    prosecutor = await loginAs(app, 'prosecutor@fiscalia.demo');
    operator = await loginAs(app, 'operator@oim.demo');
    coordinator = await loginAs(app, 'coordinator@mininterior.demo');
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  describe('the caseworker’s day', () => {
    it('counts follow-ups due per day, overdue ones and cases per phase in the caseworker’s own scope only', async () => {
      const [mineBefore, supervisorBefore] = [await dashboard(caseworker, 'caseworker'), await dashboard(supervisor, 'caseworker')];
      expect(mineBefore.categories).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => shift(today, i)));
      // Two cases of the caseworker (created by them), one of the supervisor's that is not assigned to the caseworker.
      const [a, b, other] = [await newCase(caseworker), await newCase(caseworker), await newCase(supervisor)];
      const follow = async (c: CreateCaseResponse, status: string, nextOn: string, by: string) => {
        const id = await idOf(c);
        await ownerQuery(`UPDATE cases SET status = $2 WHERE id = $1`, [id, status]);
        await ownerQuery(
          `INSERT INTO assistance_follow_ups ("caseId", "contactOn", channel, outcome, "nextOn", "byUserId") VALUES ($1, $2, 'phone', 'reached', $3, $4)`,
          [id, shift(today, -10), nextOn, users[by]],
        );
      };
      await follow(a, 'immediate_assistance', shift(today, 2), 'caseworker@oim.demo');
      await follow(b, 'medium_term_assistance', shift(today, -1), 'caseworker@oim.demo');
      await follow(other, 'immediate_assistance', shift(today, 2), 'supervisor@oim.demo');

      const mine = await dashboard(caseworker, 'caseworker');
      expect(bar(mine, 'follow_ups_due', shift(today, 2)) - bar(mineBefore, 'follow_ups_due', shift(today, 2))).toBe(1);
      expect(figure(mine, 'follow_ups_overdue')! - figure(mineBefore, 'follow_ups_overdue')!).toBe(1);
      expect(figure(mine, 'phase_immediate')! - figure(mineBefore, 'phase_immediate')!).toBe(1);
      expect(figure(mine, 'phase_medium_term')! - figure(mineBefore, 'phase_medium_term')!).toBe(1);
      // The supervisor's scope is the institution: all three cases.
      const theirs = await dashboard(supervisor, 'caseworker');
      expect(bar(theirs, 'follow_ups_due', shift(today, 2)) - bar(supervisorBefore, 'follow_ups_due', shift(today, 2))).toBe(2);
      expect(figure(theirs, 'phase_immediate')! - figure(supervisorBefore, 'phase_immediate')!).toBe(2);
      // Each figure matches the worklist it links to (the assistance area's "my day").
      const worklist = (await caseworker.get('/api/assistance/my-day').expect(200)).body;
      expect(figure(mine, 'follow_ups_overdue')).toBe(worklist.followUpsOverdue);
      expect(figure(mine, 'phase_immediate')).toBe(worklist.byPhase.immediate);
    });

    it('is for those who manage assistance', async () => {
      await police.get('/api/indicators/dashboards/caseworker').expect(403);
      await coordinator.get('/api/indicators/dashboards/caseworker').expect(403);
    });
  });

  describe('the investigator’s cases and operations', () => {
    it('counts the institution’s cases identified and operations per month, not another institution’s', async () => {
      const [policeBefore, dasBefore] = [await dashboard(police, 'investigator'), await dashboard(das, 'investigator')];
      const month = today.slice(0, 7);
      expect(policeBefore.categories).toHaveLength(12);
      expect(policeBefore.categories.at(-1)).toBe(month);
      await newCase(police, today);
      await newCase(police, today);
      await ownerQuery(
        `INSERT INTO operations ("institutionId", "createdById", name, "occurredOn", "municipalityCode", type, arrests)
         SELECT u."institutionId", u.id, 'Operativo de prueba', $2, '91001', 'raid', 3 FROM users u WHERE u.email = $1`,
        ['investigator@policia.demo', today],
      );
      const after = await dashboard(police, 'investigator');
      expect(bar(after, 'cases_identified', month) - bar(policeBefore, 'cases_identified', month)).toBe(2);
      expect(bar(after, 'operations', month) - bar(policeBefore, 'operations', month)).toBe(1);
      expect(figure(after, 'arrests')! - figure(policeBefore, 'arrests')!).toBe(3);
      expect(figure(after, 'cases_identified')! - figure(policeBefore, 'cases_identified')!).toBe(2);
      expect(await dashboard(das, 'investigator')).toEqual(dasBefore);
      await prosecutor.get('/api/indicators/dashboards/investigator').expect(403);
    });
  });

  describe('the prosecutor’s proceedings', () => {
    it('gives the justice indicators of the year from their one definition and the defendants by stage', async () => {
      const before = await dashboard(prosecutor, 'prosecutor');
      const year = Number(today.slice(0, 4));
      const justice = (await prosecutor.get(`/api/prosecution-indicators?year=${year}`).expect(200)).body;
      expect(figure(before, 'investigations_opened')).toBe(justice.investigationsOpened);
      expect(figure(before, 'convicted')).toBe(justice.convicted);
      const victim = await newCase(prosecutor);
      let proceeding = (
        await prosecutor
          .post('/api/proceedings', {
            nunc: `110016000050${year}98765`,
            reportedOn: today,
            prosecutorUnit: 'Unidad contra la Trata',
            prosecutorName: 'Fiscal de Prueba',
            offences: ['art_188a'],
            victims: [{ caseCode: victim.case.code, role: 'victim_witness', protectionMeasures: [] }],
          })
          .expect(201)
      ).body;
      proceeding = (await prosecutor.post(`/api/proceedings/${proceeding.id}/defendants`, { name: 'Hernán Ficticio Prueba', sex: 'male', nationality: 'CO' }).expect(201)).body;
      await prosecutor.post(`/api/proceedings/${proceeding.id}/defendants`, { name: 'Rosa Ficticia Prueba', sex: 'female', nationality: 'VE' }).expect(201);
      const after = await dashboard(prosecutor, 'prosecutor');
      expect(figure(after, 'investigations_opened')! - figure(before, 'investigations_opened')!).toBe(1);
      const atNoticia = (d: RoleDashboard) => (d.categories.includes('noticia_criminal') ? bar(d, 'defendants', 'noticia_criminal') : 0);
      expect(atNoticia(after) - atNoticia(before)).toBe(2);
      expect(JSON.stringify(after)).not.toMatch(/Ficticia|Ficticio|RT-\d{4}/);
      await coordinator.get('/api/indicators/dashboards/prosecutor').expect(403);
    });
  });

  describe('the hotline’s volume', () => {
    it('counts the contacts per day over 30 days and the conversions', async () => {
      const before = await dashboard(operator, 'hotline');
      expect(before.categories).toHaveLength(30);
      expect(before.categories.at(-1)).toBe(today);
      const call = (startedAt: Date) => ({
        channel: 'phone',
        startedAt: startedAt.toISOString(),
        durationSeconds: 120,
        callerType: 'relative',
        callType: 'tip',
        municipalityCode: '05001',
        purposes: ['sexual_exploitation'],
        acts: ['recruitment'],
        means: ['deception'],
        urgency: 'urgent',
        childInvolved: false,
        summary: 'Llamada de prueba del tablero.',
        consentToAuthorities: false,
      });
      const recent = new Date(Date.now() - 60_000);
      const earlier = new Date(Date.now() - 3 * 86_400_000);
      const created = [];
      for (const at of [recent, recent, earlier]) created.push((await operator.post('/api/hotline/contacts', call(at)).expect(201)).body);
      await ownerQuery(`UPDATE hotline_contacts SET outcome = 'tip_sent' WHERE id = $1`, [created[0].id]);
      const after = await dashboard(operator, 'hotline');
      expect(bar(after, 'contacts', bogota(recent)) - bar(before, 'contacts', bogota(recent))).toBe(2);
      expect(bar(after, 'contacts', bogota(earlier)) - bar(before, 'contacts', bogota(earlier))).toBe(1);
      expect(figure(after, 'contacts')! - figure(before, 'contacts')!).toBe(3);
      expect(figure(after, 'tips_sent')! - figure(before, 'tips_sent')!).toBe(1);
      await police.get('/api/indicators/dashboards/hotline').expect(403);
    });
  });

  describe('the coordinator’s overview', () => {
    it('gives the year’s victims assisted, convictions and hotline contacts from the other areas’ own definitions', async () => {
      const year = today.slice(0, 4);
      const overview = await dashboard(coordinator, 'coordinator');
      expect(overview).toMatchObject({ from: `${year}-01-01`, to: today, categoryKind: 'service_category' });
      const assisted = (await coordinator.get(`/api/assistance/counts?from=${year}-01-01&to=${today}`).expect(200)).body;
      expect(figure(overview, 'victims_assisted')).toBe(assisted.total);
      expect(overview.categories).toEqual(assisted.by.category.map((r: { value: string }) => r.value));
      expect(overview.series[0].values).toEqual(assisted.by.category.map((r: { victims: number }) => r.victims));
      const immediate = assisted.by.phase.find((r: { value: string }) => r.value === 'immediate')?.victims ?? 0;
      expect(figure(overview, 'assisted_immediate')).toBe(immediate);
      const justice = (await coordinator.get(`/api/prosecution-indicators?year=${year}`).expect(200)).body;
      expect(figure(overview, 'convicted')).toBe(justice.convicted);
      expect(figure(overview, 'hotline_contacts')).toBeGreaterThanOrEqual(3); // the hotline fixture above, at least
      await caseworker.get('/api/indicators/dashboards/coordinator').expect(403);
    });
  });

  it('audits every dashboard read', async () => {
    const events = await ownerQuery<{ kind: string }>(
      `SELECT DISTINCT details->>'kind' AS kind FROM audit_events WHERE "entityType" = 'indicators' AND details->>'section' = 'dashboard'`,
    );
    expect(events.map((e) => e.kind).sort()).toEqual(['caseworker', 'coordinator', 'hotline', 'investigator', 'prosecutor']);
  });

  describe('the case summary PDF', () => {
    it('is a PDF of the case, in Spanish or English, without the person, to whoever may read the case', async () => {
      const created = await newCase(police);
      const es = await binary(police.get(`/api/indicators/case-summary/${created.case.code}`)).expect(200);
      expect(es.headers['content-type']).toBe('application/pdf');
      expect(es.headers['cache-control']).toContain('no-store');
      expect(es.headers['content-disposition']).toBe(`attachment; filename="resumen-${created.case.code}.pdf"`);
      const text = pdfText(es.body as Buffer);
      expect(text).toContain(`Resumen del caso ${created.case.code}`);
      expect(text).toContain('Fecha de identificación');
      expect(text).not.toMatch(/Ficticia|Prueba/);
      const en = await binary(police.get(`/api/indicators/case-summary/${created.case.code}?language=en`)).expect(200);
      expect(pdfText(en.body as Buffer)).toContain(`Summary of case ${created.case.code}`);
      const audit = await ownerQuery<{ details: { section: string } }>(
        `SELECT details FROM audit_events WHERE "entityType" = 'case' AND "entityId" = $1 AND details->>'section' = 'summary_pdf'`,
        [await idOf(created)],
      );
      expect(audit).toHaveLength(2);
      // Another institution, and a malformed code, get 404; a bad language a field error.
      await das.get(`/api/indicators/case-summary/${created.case.code}`).expect(404);
      await police.get('/api/indicators/case-summary/not-a-code').expect(404);
      const bad = await police.get(`/api/indicators/case-summary/${created.case.code}?language=fr`).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['language']);
    });
  });

  describe('exports of the case list with its filters', () => {
    it('exports the cases the list shows: statuses, and assigned to me', async () => {
      const [open, assisted] = [await newCase(supervisor, '2015-06-01'), await newCase(supervisor, '2015-06-02')];
      await ownerQuery(`UPDATE cases SET status = 'immediate_assistance' WHERE id = $1`, [await idOf(assisted)]);
      const filters = { format: 'csv', from: '2015-01-01', to: '2015-12-31' };
      const codes = async (job: ExportJobView) => {
        const file = await supervisor.get(job.downloadUrl!).expect(200);
        return Papa.parse<string[]>(file.text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1).map((r) => r[0]);
      };
      const all: ExportJobView = (await supervisor.post('/api/indicators/exports', filters).expect(201)).body;
      expect((await codes(all)).sort()).toEqual([open.case.code, assisted.case.code].sort());
      const some: ExportJobView = (await supervisor.post('/api/indicators/exports', { ...filters, statuses: ['immediate_assistance', 'follow_up'] }).expect(201)).body;
      expect(await codes(some)).toEqual([assisted.case.code]);
      const mine: ExportJobView = (await supervisor.post('/api/indicators/exports', { ...filters, assignedToMe: true }).expect(201)).body;
      expect(mine.total).toBe(0);
      const bad = await supervisor.post('/api/indicators/exports', { ...filters, statuses: ['nope'], purposes: ['x'] }).expect(400);
      expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['purposes', 'statuses']);
    });
  });

  describe('an export left running by a server that died', () => {
    async function runningJob(attempts: number, heartbeatAt: Date): Promise<string> {
      const id = randomUUID();
      await ownerQuery(
        `INSERT INTO export_jobs (id, "requestedById", "institutionId", format, identified, language, "caseIds", total, status, attempts, "heartbeatAt")
         SELECT $1, u.id, u."institutionId", 'csv', false, 'es', ARRAY(SELECT c.id FROM cases c WHERE c."ownerInstitutionId" = u."institutionId" ORDER BY c.code LIMIT 3), 3, 'running', $3, $4
           FROM users u WHERE u.email = $2`,
        [id, 'investigator@policia.demo', attempts, heartbeatAt],
      );
      return id;
    }
    const statusOf = async (id: string) => (await ownerQuery<{ status: string; attempts: number }>(`SELECT status, attempts FROM export_jobs WHERE id = $1`, [id]))[0];

    it('is left alone while its lease holds, queued again and built once it runs out, failed after its last attempt', async () => {
      const started = new Date();
      const alive = await runningJob(1, started);
      const job = app.get(ExportJob);
      expect(await job.runOnce(new Date(started.getTime() + EXPORT_LEASE_MS - 60_000))).toBeNull();
      expect(await statusOf(alive)).toEqual({ status: 'running', attempts: 1 });

      expect(await job.runOnce(new Date(started.getTime() + EXPORT_LEASE_MS + 60_000))).toBe(alive);
      expect(await statusOf(alive)).toEqual({ status: 'ready', attempts: 2 });
      const view: ExportJobView = (await police.get(`/api/indicators/exports/${alive}`).expect(200)).body;
      expect(view).toMatchObject({ status: 'ready', processed: 3 });

      const doomed = await runningJob(3, started);
      expect(await job.runOnce(new Date(started.getTime() + EXPORT_LEASE_MS + 60_000))).toBeNull();
      expect(await statusOf(doomed)).toEqual({ status: 'failed', attempts: 3 });
    });
  });
});
