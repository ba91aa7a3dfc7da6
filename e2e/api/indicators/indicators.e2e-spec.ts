import { INestApplication } from '@nestjs/common';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { AnnualReport, AnonymousStatisticsExport, AssistanceCounts, CreateCaseResponse, ExportJobView, IndicatorsView, IndicatorValue, JusticeIndicators, ReferralView, STATISTICS_QUASI_IDENTIFIERS } from '@ruta/shared';
import { ExportJob } from '@ruta/indicators';
import { ReferralDeadlineJob } from '@ruta/referrals';
import { asAppRole, sessionOf } from '../../support/app-role';
import { newCaseRequest, ownerQuery } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';

function binary(request: ReturnType<ApiSession['get']>) {
  return request.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });
}

function find(view: IndicatorsView, key: string): IndicatorValue {
  return view.indicators.find((i) => i.key === key)!;
}

function buckets(value: IndicatorValue): Record<string, number> {
  return Object.fromEntries(value.buckets.map((b) => [b.bucket, b.value]));
}

/**
 * Indicators on a fixture of 2019 cases in Amazonas (no demo case is there): every figure against the hand-computed
 * value, the annual report as XLSX and PDF, exports scoped to what the user sees (and formula-safe), the background
 * export with progress and an expiring link, and the k-anonymous statistics export.
 */
describe('indicators', () => {
  let app: INestApplication;
  let police: ApiSession;
  let das: ApiSession;
  let iom: ApiSession;
  let supervisor: ApiSession;
  let coordinator: ApiSession;
  let institutions: Record<string, string>;
  let users: Record<string, string>;
  const policeCodes: string[] = [];

  const stats = { purpose: 'anonymous_statistics', grantedBy: 'self', method: 'written', grantedAt: '2019-03-10T10:00:00Z' };
  const processing = { purpose: 'data_processing', grantedBy: 'self', method: 'written', grantedAt: '2019-03-10T10:00:00Z' };

  async function newCase(session: ApiSession, o: { sex: string; nationality: string; birthDate: string; purposes: string[]; scope: 'internal' | 'international'; statistics: boolean; year?: string; givenNames?: string }): Promise<CreateCaseResponse> {
    const day = `${o.year ?? '2019'}-03-10`;
    const body = newCaseRequest({
      case: { identifiedOn: day, municipalityCode: '91001', scope: o.scope, ...(o.scope === 'international' ? { direction: 'inbound' } : {}) },
      screening: { screenedOn: day, purposes: o.purposes },
      victim: { sex: o.sex, nationality: o.nationality, birthDate: o.birthDate, ...(o.givenNames ? { givenNames: o.givenNames } : {}) },
      situation: { purposes: o.purposes, events: [{ kind: 'exploitation', countryCode: 'CO', municipalityCode: '91001', startedOn: '2018-06-01' }] },
      consents: o.statistics ? [processing, stats] : [processing],
    });
    const response = await session.post('/api/cases', body);
    if (response.status !== 201) throw new Error(`case: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  beforeAll(async () => {
    app = await createTestApp({ REFERRAL_DEADLINE_CHECK_SECONDS: '0', RUTA_EXPORT_JOB: 'off' });
    institutions = Object.fromEntries((await ownerQuery<{ code: string; id: string }>(`SELECT code, id FROM institutions`)).map((r) => [r.code, r.id]));
    users = Object.fromEntries((await ownerQuery<{ email: string; id: string }>(`SELECT email, id FROM users`)).map((r) => [r.email, r.id]));
    [police, das, iom, supervisor] = await Promise.all([
      loginAs(app, 'investigator@policia.demo'),
      loginAs(app, 'investigator@das.demo'),
      loginAs(app, 'caseworker@oim.demo'),
      loginAs(app, 'supervisor@oim.demo'),
    ]);
    coordinator = await loginAs(app, 'coordinator@mininterior.demo');
    const adult = '1990-02-01';
    const fixture = [
      await newCase(police, { sex: 'female', nationality: 'CO', birthDate: adult, purposes: ['sexual_exploitation'], scope: 'internal', statistics: true }),
      await newCase(police, { sex: 'male', nationality: 'VE', birthDate: adult, purposes: ['forced_labour'], scope: 'international', statistics: true }),
      await newCase(police, { sex: 'female', nationality: 'VE', birthDate: '2005-02-01', purposes: ['sexual_exploitation', 'forced_labour'], scope: 'international', statistics: false }),
      await newCase(police, { sex: 'female', nationality: 'CO', birthDate: '1990-03-01', purposes: ['sexual_exploitation'], scope: 'internal', statistics: true }),
    ];
    policeCodes.push(...fixture.map((c) => c.case.code));
    await newCase(das, { sex: 'female', nationality: 'CO', birthDate: adult, purposes: ['forced_labour'], scope: 'internal', statistics: true });

    // Referrals about three of the Amazonas cases, to IOM: one left waiting (then overdue), two accepted after 10 h
    // and 20 h (sending and acceptance times set on the rows), one of them completed.
    const referrals: ReferralView[] = [];
    for (const code of policeCodes.slice(0, 3)) {
      referrals.push((await police.post('/api/referrals', { caseCode: code, toInstitutionId: institutions.oim, purpose: 'lodging', urgency: 'urgent', sections: ['summary'] }).expect(201)).body);
    }
    const move = async (r: ReferralView, body: object): Promise<ReferralView> => (await iom.post(`/api/referrals/${r.id}/transitions`, { version: r.version, ...body }).expect(200)).body;
    for (const [i, r] of referrals.slice(1).entries()) {
      let current: ReferralView = (await iom.get(`/api/referrals/${r.id}`).expect(200)).body;
      current = await move(current, { to: 'accepted', assigneeId: users['caseworker@oim.demo'] });
      if (i === 0) {
        current = await move(current, { to: 'in_progress' });
        await move(current, { to: 'completed', outcome: 'Alojada' });
      }
      await ownerQuery(`UPDATE referrals SET "acceptedAt" = "sentAt" + make_interval(hours => $2) WHERE id = $1`, [r.id, i === 0 ? 10 : 20]);
    }
    await app.get(ReferralDeadlineJob).runOnce(new Date(Date.now() + 30 * 86_400_000));
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  describe('the indicators, each against its hand-computed value', () => {
    let view: IndicatorsView;
    beforeAll(async () => {
      view = (await coordinator.get('/api/indicators?year=2019').expect(200)).body;
    });

    it('counts the victims identified in 2019 by purpose, sex, age band, nationality, scope and minority', () => {
      expect(find(view, 'victims_identified').value).toBe(5);
      expect(buckets(find(view, 'victims_by_purpose'))).toEqual({ sexual_exploitation: 3, forced_labour: 3 });
      expect(find(view, 'victims_by_purpose').value).toBe(5);
      expect(buckets(find(view, 'victims_by_sex'))).toEqual({ female: 4, male: 1 });
      expect(buckets(find(view, 'victims_by_age_band'))).toEqual({ '27-29': 4, '9-17': 1 });
      expect(buckets(find(view, 'victims_by_nationality'))).toEqual({ CO: 3, VE: 2 });
      expect(buckets(find(view, 'victims_by_scope'))).toEqual({ internal: 3, international: 2 });
      expect(find(view, 'victims_minors').value).toBe(1);
    });

    it('filters by institution and by department, and by any period', async () => {
      const byPolice: IndicatorsView = (await coordinator.get(`/api/indicators?year=2019&institutionId=${institutions.policia}`).expect(200)).body;
      expect(find(byPolice, 'victims_identified').value).toBe(4);
      expect(byPolice.institution?.code).toBe('policia');
      const march: IndicatorsView = (await coordinator.get('/api/indicators?from=2019-03-10&to=2019-03-10').expect(200)).body;
      expect(find(march, 'victims_identified').value).toBe(5);
      const april: IndicatorsView = (await coordinator.get('/api/indicators?from=2019-04-01&to=2019-12-31').expect(200)).body;
      expect(find(april, 'victims_identified').value).toBe(0);
    });

    it('counts the referrals about Amazonas cases: sent, accepted, completed, overdue, median hours to acceptance', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const amazonas: IndicatorsView = (await coordinator.get(`/api/indicators?from=${today}&to=${today}&departmentCode=91`).expect(200)).body;
      expect(find(amazonas, 'referrals_sent').value).toBe(3);
      expect(find(amazonas, 'referrals_accepted').value).toBe(2);
      expect(find(amazonas, 'referrals_completed').value).toBe(1);
      expect(find(amazonas, 'referrals_overdue').value).toBe(1);
      expect(find(amazonas, 'referrals_median_response_hours').value).toBe(15);
      expect(find(amazonas, 'victims_identified').value).toBe(0);
    });

    it('answers field errors for bad filters, and the indicators only to indicators:read', async () => {
      const bad = await coordinator.get('/api/indicators?year=abc&departmentCode=9').expect(400);
      expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['departmentCode', 'year']);
      await coordinator.get('/api/indicators?from=2019-05-01&to=2019-01-01').expect(400);
      await police.get('/api/indicators?year=2019').expect(403);
    });

    it('audits the read of the indicators', async () => {
      const events = await ownerQuery<{ details: { section: string } }>(`SELECT details FROM audit_events WHERE "entityType" = 'indicators' AND "actorUserId" = $1`, [users['coordinator@mininterior.demo']]);
      expect(events.map((e) => e.details.section)).toContain('indicators');
    });
  });

  describe('the annual report', () => {
    it('is a table in the TIP / UNODC shape with the same figures', async () => {
      const report = (await coordinator.get('/api/indicators/annual-report?year=2019').expect(200)).body;
      expect(report.rows).toContainEqual({ section: 'protection', key: 'victims_identified', dimension: null, bucket: null, value: 5 });
      expect(report.rows).toContainEqual({ section: 'protection', key: 'victims_by_sex', dimension: 'sex', bucket: 'female', value: 4 });
    });

    it('adds the year’s assistance, justice and hotline figures, each as that area’s own definition gives it', async () => {
      // Last year in Bogotá: the demo data covers it whole.
      const year = Number(new Date().toLocaleDateString('en-CA', { timeZone: 'America/Bogota' }).slice(0, 4)) - 1;
      const report = (await coordinator.get(`/api/indicators/annual-report?year=${year}`).expect(200)).body as AnnualReport;
      const line = (section: string, key: string) => report.rows.find((r) => r.section === section && r.key === key && r.bucket === null)?.value;
      const assisted = (await coordinator.get(`/api/assistance/counts?from=${year}-01-01&to=${year}-12-31`).expect(200)).body as AssistanceCounts;
      expect(line('assistance', 'victims_assisted')).toBe(assisted.total);
      expect(line('assistance', 'assisted_immediate')).toBe(assisted.by.phase.find((r) => r.value === 'immediate')?.victims ?? 0);
      expect(report.rows.filter((r) => r.key === 'assisted_by_service' && r.bucket).map((r) => [r.bucket, r.value])).toEqual(assisted.by.category.map((r) => [r.value, r.victims]));
      const justice = (await coordinator.get(`/api/prosecution-indicators?year=${year}`).expect(200)).body as JusticeIndicators;
      expect(line('justice', 'investigations_opened')).toBe(justice.investigationsOpened);
      expect(line('justice', 'persons_charged')).toBe(justice.charged);
      expect(line('justice', 'persons_convicted')).toBe(justice.convicted);
      expect(line('justice', 'average_sentence_months')).toBe(justice.sentenceMonths.average);
      // The hotline's year is Bogotá's: counted here by hand from the contacts' timestamps.
      const [calls] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM hotline_contacts WHERE "startedAt" >= $1 AND "startedAt" < $2`, [`${year}-01-01T05:00:00Z`, `${year + 1}-01-01T05:00:00Z`]);
      expect(calls.n).toBeGreaterThan(0);
      expect(line('hotline', 'hotline_contacts')).toBe(calls.n);
      expect(report.rows.map((r) => r.section).filter((s, i, all) => all.indexOf(s) === i)).toEqual(['protection', 'referrals', 'assistance', 'justice', 'hotline']);
      // And in the file, labelled in the language asked for.
      const xlsx = await binary(coordinator.get(`/api/indicators/annual-report?year=${year}&format=xlsx&language=en`)).expect(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as unknown as ExcelJS.Buffer);
      const values = workbook.worksheets[0].getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []));
      expect(values).toContainEqual(['Prosecution (Law 906)']);
      expect(values).toContainEqual(['Persons convicted', justice.convicted]);
      expect(values).toContainEqual(['National hotline contacts', calls.n]);
    });

    it('downloads as XLSX in Spanish and English, and as PDF', async () => {
      const xlsx = await binary(coordinator.get('/api/indicators/annual-report?year=2019&format=xlsx&language=en')).expect(200);
      expect(xlsx.headers['content-disposition']).toBe('attachment; filename="annual-report-2019.xlsx"');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as unknown as ExcelJS.Buffer);
      const values = workbook.worksheets[0].getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []));
      expect(values).toContainEqual(['Victims identified', 5]);
      expect(values).toContainEqual(['    Female', 4]);
      const es = await binary(coordinator.get('/api/indicators/annual-report?year=2019&format=xlsx')).expect(200);
      const libro = new ExcelJS.Workbook();
      await libro.xlsx.load(es.body as unknown as ExcelJS.Buffer);
      expect(libro.worksheets[0].getCell('A1').value).toBe('Informe anual de trata de personas 2019');
      const pdf = await binary(coordinator.get('/api/indicators/annual-report?year=2019&format=pdf')).expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    });
  });

  describe('exports of the case list', () => {
    it('gives each user only the cases they can see', async () => {
      const job: ExportJobView = (await police.post('/api/indicators/exports', { format: 'csv', from: '2019-01-01', to: '2019-12-31' }).expect(201)).body;
      expect(job).toMatchObject({ status: 'ready', total: 4, identified: false });
      const file = await police.get(job.downloadUrl!).expect(200);
      const rows = Papa.parse<string[]>(file.text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      expect(rows.slice(1).map((r) => r[0]).sort()).toEqual([...policeCodes].sort());
      expect(file.text).not.toContain('Ficticia');
      // Another institution cannot see or download it.
      await das.get(`/api/indicators/exports/${job.id}`).expect(404);
      await das.get(`/api/indicators/exports/${job.id}/file`).expect(404);
      const dasJob: ExportJobView = (await das.post('/api/indicators/exports', { format: 'csv', from: '2019-01-01', to: '2019-12-31' }).expect(201)).body;
      expect(dasJob.total).toBe(1);
    });

    it('asks for cases:export and a reason for an identified export, and neutralises formula cells', async () => {
      await police.post('/api/indicators/exports', { format: 'csv', identified: true, reason: 'Informe para la fiscalía del caso' }).expect(403);
      const noReason = await supervisor.post('/api/indicators/exports', { format: 'csv', identified: true }).expect(400);
      expect([...new Set(noReason.body.errors.map((e: { field: string }) => e.field))]).toEqual(['reason']);
      await newCase(iom, { sex: 'female', nationality: 'CO', birthDate: '1990-02-01', purposes: ['forced_labour'], scope: 'internal', statistics: false, year: '2017', givenNames: '=HYPERLINK("http://evil.example","clic")' });
      const job: ExportJobView = (await supervisor.post('/api/indicators/exports', { format: 'csv', identified: true, reason: 'Seguimiento de la asistencia 2017', from: '2017-01-01', to: '2017-12-31' }).expect(201)).body;
      const file = await supervisor.get(job.downloadUrl!).expect(200);
      const rows = Papa.parse<string[]>(file.text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      expect(rows[0]).toContain('Nombres');
      expect(rows.map((r) => r[8])).toContain(`'=HYPERLINK("http://evil.example","clic")`);
      expect(rows.flat().some((cell) => /^[=+\-@\t\r]/.test(cell))).toBe(false);
      const audit = await ownerQuery<{ details: Record<string, unknown> }>(`SELECT details FROM audit_events WHERE action = 'export' AND "entityType" = 'export_job' AND "entityId" = $1`, [job.id]);
      expect(audit).toEqual([{ details: expect.objectContaining({ identified: true, reason: 'given', format: 'csv' }) }]);
    });

    it('runs a large export in the background with progress, then a download link that expires', async () => {
      await ownerQuery(
        `INSERT INTO cases (code, "ownerInstitutionId", "createdById", source, scope, "identifiedOn", version)
         SELECT 'RT-2016-' || lpad(g::text, 6, '0'), $1, $2, 'police_operation', 'internal', DATE '2016-05-01', 1 FROM generate_series(1, 520) g`,
        [institutions.policia, users['investigator@policia.demo']],
      );
      const job: ExportJobView = (await police.post('/api/indicators/exports', { format: 'xlsx', from: '2016-01-01', to: '2016-12-31' }).expect(201)).body;
      expect(job).toMatchObject({ status: 'queued', total: 520, processed: 0, downloadUrl: null });
      await police.get(`/api/indicators/exports/${job.id}/file`).expect(409);
      expect(await app.get(ExportJob).runOnce()).toBe(job.id);
      const ready: ExportJobView = (await police.get(`/api/indicators/exports/${job.id}`).expect(200)).body;
      expect(ready).toMatchObject({ status: 'ready', processed: 520 });
      const file = await binary(police.get(ready.downloadUrl!)).expect(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.body as unknown as ExcelJS.Buffer);
      expect(workbook.worksheets[0].rowCount).toBe(521);
      await ownerQuery(`UPDATE export_jobs SET "expiresAt" = now() - interval '1 minute' WHERE id = $1`, [job.id]);
      await police.get(`/api/indicators/exports/${job.id}/file`).expect(410);
      expect((await police.get(`/api/indicators/exports/${job.id}`).expect(200)).body.downloadUrl).toBeNull();
    });

    it('keeps export jobs to their requester in row-level security too', async () => {
      const token = await sessionOf('investigator@das.demo');
      const seen = await asAppRole(token, async (client) => (await client.query(`SELECT count(*)::int AS n FROM export_jobs WHERE "requestedById" <> $1`, [users['investigator@das.demo']])).rows[0].n);
      expect(seen).toBe(0);
    });
  });

  describe('the anonymous statistics export', () => {
    function groupsSmallerThan(data: AnonymousStatisticsExport, k: number): number {
      const groups = new Map<string, number>();
      for (const row of data.rows) {
        const key = STATISTICS_QUASI_IDENTIFIERS.map((q) => row[q]).join('|');
        groups.set(key, (groups.get(key) ?? 0) + 1);
      }
      return [...groups.values()].filter((n) => n < k).length;
    }

    it('keeps only consenting victims, with no group smaller than k, and says how many rows were coarsened or left out', async () => {
      const data: AnonymousStatisticsExport = (await coordinator.get('/api/indicators/anonymous-statistics?year=2019&k=2').expect(200)).body;
      expect(data).toMatchObject({ k: 2, eligible: 4, generalised: 0, suppressed: 1 });
      expect(data.rows).toHaveLength(3);
      expect(groupsSmallerThan(data, 2)).toBe(0);
      expect(data.rows.every((r) => r.gender === 'female' && r.citizenship === 'CO' && r.ageBand === '27-29')).toBe(true);
      expect(JSON.stringify(data)).not.toMatch(/RT-\d{4}|Ficticia|Prueba/);
    });

    it('uses k = 11 by default, which suppresses every group of this small fixture', async () => {
      const data: AnonymousStatisticsExport = (await coordinator.get('/api/indicators/anonymous-statistics?year=2019').expect(200)).body;
      expect(data).toMatchObject({ k: 11, eligible: 4, suppressed: 4, rows: [] });
      const csv = await coordinator.get('/api/indicators/anonymous-statistics?year=2019&format=csv').expect(200);
      expect(csv.text.split('\r\n')[0]).toBe('yearOfRegistration,dataSource,gender,ageBand,majorityStatus,citizenship,countryOfExploitation,meansOfControl,typeOfExploitation,labourSector,recruiterRelation');
    });
  });

  it('reads the year of cases on the identification index (EXPLAIN as the application role)', async () => {
    const token = await sessionOf('coordinator@mininterior.demo');
    const plan = await asAppRole(token, async (client) => {
      await client.query('SET enable_seqscan = off');
      const { rows } = await client.query(`EXPLAIN SELECT count(*) FROM cases c WHERE c."identifiedOn" >= DATE '2019-01-01' AND c."identifiedOn" <= DATE '2019-12-31' AND c."traffickingStatus" <> 'ruled_out'`);
      return rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/IDX_cases_(institution_)?identified_status/);
  });
});
