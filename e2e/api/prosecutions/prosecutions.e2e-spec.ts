import { INestApplication } from '@nestjs/common';
import { JUSTICE_INDICATOR_SQL, PROCEEDING_HISTORY_SQL } from '@ruta/prosecutions';
import { CaseProceedingSummary, CreateCaseResponse, JusticeIndicators, LinkGraph, LIST_COUNT_CAP, ProceedingView } from '@ruta/shared';
import { asAppRole, sessionOf } from '../../support/app-role';
import { newCaseRequest, ownerQuery } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';

const FILE_TABLES = ['operations', 'operation_cases', 'alleged_traffickers', 'trafficker_cases', 'operation_traffickers', 'proceedings', 'proceeding_victims', 'defendants', 'defendant_stage_events', 'hearings', 'appeals'];

/**
 * Investigations and prosecutions end to end: the NUNC check, per-defendant Law 906 stages (illegal jumps refused, the
 * preacuerdo shortcut), the justice indicators against hand-computed numbers, the caseworker's stage summary, the
 * partner who sees nothing (API and raw SQL), the link chart limited to the investigator's own records, duplicates.
 */
describe('prosecutions', () => {
  let app: INestApplication;
  let prosecutor: ApiSession;
  let police: ApiSession;
  let das: ApiSession;
  let caseworker: ApiSession;
  let partner: ApiSession;
  let coordinator: ApiSession;
  let fiscaliaCase: CreateCaseResponse;
  let otherFiscaliaCase: CreateCaseResponse;
  let proceeding: ProceedingView;
  const caseIds: Record<string, string> = {};
  const idOf = async (created: CreateCaseResponse): Promise<string> =>
    (caseIds[created.case.code] ??= (await ownerQuery<{ id: string }>(`SELECT id FROM cases WHERE code = $1`, [created.case.code]))[0].id);

  const proceedingBody = (overrides: object = {}) => ({
    nunc: '110016000050201912345',
    reportedOn: '2019-03-01',
    prosecutorUnit: 'Unidad contra la Trata',
    prosecutorName: 'Fiscal de Prueba',
    offences: ['art_188a', 'art_213'],
    victims: [{ caseCode: fiscaliaCase.case.code, role: 'victim_witness', protectionMeasures: ['identity_reserve'] }],
    ...overrides,
  });

  async function move(defendant: { id: string }, body: object, status = 200): Promise<ProceedingView & { detail?: string }> {
    const current = proceeding.defendants.find((d) => d.id === defendant.id)!;
    const response = await prosecutor.post(`/api/proceedings/${proceeding.id}/defendants/${defendant.id}/transitions`, { version: current.version, ...body }).expect(status);
    if (status === 200) proceeding = response.body;
    return response.body;
  }

  beforeAll(async () => {
    app = await createTestApp();
    [prosecutor, police, das, caseworker, partner, coordinator] = [
      await loginAs(app, 'prosecutor@fiscalia.demo'),
      await loginAs(app, 'investigator@policia.demo'),
      await loginAs(app, 'investigator@das.demo'),
      await loginAs(app, 'caseworker@oim.demo'),
      await loginAs(app, 'partner@icbf.demo'),
      await loginAs(app, 'coordinator@mininterior.demo'),
    ];
    fiscaliaCase = (await prosecutor.post('/api/cases', newCaseRequest()).expect(201)).body;
    otherFiscaliaCase = (await prosecutor.post('/api/cases', newCaseRequest()).expect(201)).body;
    // The IOM caseworker accompanies this victim: the case is assigned to them (set-up as the owner).
    await ownerQuery(
      `INSERT INTO case_assignments ("caseId", "userId", "assignedById", "assignedAt")
       SELECT $1, w.id, p.id, now() FROM users w, users p WHERE w.email = 'caseworker@oim.demo' AND p.email = 'prosecutor@fiscalia.demo'`,
      [await idOf(fiscaliaCase)],
    );
  });
  afterAll(() => app.close());

  it('refuses a noticia criminal number with a clear message: format, DIVIPOLA municipality, year', async () => {
    const short = await prosecutor.post('/api/proceedings', proceedingBody({ nunc: '11001600005020191234' })).expect(400);
    expect(short.body.errors).toEqual([expect.objectContaining({ field: 'nunc', code: 'nunc_format', message: expect.stringMatching(/21 digits/) })]);
    const place = await prosecutor.post('/api/proceedings', proceedingBody({ nunc: '000016000050201912345' })).expect(400);
    expect(place.body.errors[0]).toMatchObject({ field: 'nunc', code: 'nunc_divipola', message: expect.stringContaining('00001') });
    const future = await prosecutor.post('/api/proceedings', proceedingBody({ nunc: '110016000050209912345' })).expect(400);
    expect(future.body.errors[0]).toMatchObject({ field: 'nunc', code: 'nunc_year' });
    const mismatch = await prosecutor.post('/api/proceedings', proceedingBody({ reportedOn: '2020-01-05' })).expect(400);
    expect(mismatch.body.errors[0]).toMatchObject({ field: 'reportedOn', code: 'nunc_year_mismatch', message: expect.stringContaining('2019') });
    expect((await ownerQuery(`SELECT 1 FROM proceedings WHERE nunc LIKE '%201912345'`)).length).toBe(0);
  });

  it('opens a proceeding from a case with two defendants, each at noticia criminal', async () => {
    proceeding = (await prosecutor.post('/api/proceedings', proceedingBody()).expect(201)).body;
    expect(proceeding).toMatchObject({ municipalityCode: '11001', victims: [{ caseCode: fiscaliaCase.case.code, role: 'victim_witness' }], defendants: [] });
    proceeding = (await prosecutor.post(`/api/proceedings/${proceeding.id}/defendants`, { name: 'Hernán Ficticio Prueba', sex: 'male', nationality: 'CO' }).expect(201)).body;
    proceeding = (await prosecutor.post(`/api/proceedings/${proceeding.id}/defendants`, { name: 'Rosa Ficticia Prueba', sex: 'female', nationality: 'VE' }).expect(201)).body;
    expect(proceeding.defendants.map((d) => [d.trafficker?.name, d.stage, d.moves])).toEqual([
      ['Hernán Ficticio Prueba', 'noticia_criminal', ['indagacion']],
      ['Rosa Ficticia Prueba', 'noticia_criminal', ['indagacion']],
    ]);
    await prosecutor.post('/api/proceedings', proceedingBody()).expect(409);
    const tab = (await prosecutor.get(`/api/cases/${fiscaliaCase.case.code}/proceedings`).expect(200)).body;
    expect(tab.proceedings.map((p: { id: string }) => p.id)).toEqual([proceeding.id]);
  });

  it('refuses an illegal stage jump (noticia criminal → juicio oral) with a clear message, and a stale version', async () => {
    const [a] = proceeding.defendants;
    const refused = await move(a, { to: 'juicio_oral', on: '2019-03-10' }, 409);
    expect(refused).toMatchObject({ code: 'stage_not_allowed', detail: expect.stringContaining('From Noticia criminal a defendant cannot go to Juicio oral') });
    expect(refused.detail).toContain('Indagación');
    await prosecutor.post(`/api/proceedings/${proceeding.id}/defendants/${a.id}/transitions`, { version: a.version + 5, to: 'indagacion', on: '2019-03-10' }).expect(409);
    const rows = await ownerQuery<{ stage: string }>(`SELECT stage FROM defendants WHERE id = $1`, [a.id]);
    expect(rows).toEqual([{ stage: 'noticia_criminal' }]);
  });

  it('moves a defendant through imputación (with detention, at a hearing) and acusación; a preacuerdo goes straight to sentence', async () => {
    const [a, b] = proceeding.defendants;
    proceeding = (await prosecutor.post(`/api/proceedings/${proceeding.id}/hearings`, { defendantId: a.id, at: '2019-05-01T14:00:00.000Z', type: 'imputacion', court: 'Juzgado 5 Penal de Garantías', outcome: 'Imputación formulada' }).expect(201)).body;
    const hearingId = proceeding.hearings[0].id;
    await move(a, { to: 'indagacion', on: '2019-04-01' });
    await move(a, { to: 'imputacion', on: '2019-05-01', detention: true, hearingId });
    await move(a, { to: 'investigacion', on: '2019-05-02' });
    await move(a, { to: 'acusacion', on: '2019-09-01' });
    await move(b, { to: 'indagacion', on: '2019-04-01' });
    await move(b, { to: 'imputacion', on: '2019-06-01' });
    // A sentence needs its terms; the shortcut leads only to a conviction.
    await move(b, { to: 'sentencia_condenatoria', on: '2019-10-01', shortcut: 'preacuerdo' }, 400);
    await move(b, { to: 'juicio_oral', on: '2019-10-01', shortcut: 'preacuerdo' }, 409);
    await move(b, { to: 'sentencia_condenatoria', on: '2019-10-01', shortcut: 'preacuerdo', sentence: { prisonMonths: 120, fineSmlmv: 900, accessoryPenalties: 'Inhabilitación' } });
    const [movedA, movedB] = proceeding.defendants;
    expect(movedA).toMatchObject({ stage: 'acusacion', detention: true, stageSince: '2019-09-01' });
    expect(movedA.history.find((h) => h.to === 'imputacion')).toMatchObject({ hearingId, detention: true, on: '2019-05-01' });
    expect(movedB).toMatchObject({ stage: 'sentencia_condenatoria', sentence: { prisonMonths: 120, fineSmlmv: 900 } });
    expect(movedB.history.map((h) => [h.from, h.to, h.shortcut])).toEqual([
      [null, 'noticia_criminal', null],
      ['noticia_criminal', 'indagacion', null],
      ['indagacion', 'imputacion', null],
      ['imputacion', 'sentencia_condenatoria', 'preacuerdo'],
    ]);
    // A future hearing the caseworker may accompany the victim to.
    proceeding = (await prosecutor.post(`/api/proceedings/${proceeding.id}/hearings`, { defendantId: a.id, at: '2027-02-03T15:00:00.000Z', type: 'preparatoria', court: 'Juzgado 2 Penal del Circuito' }).expect(201)).body;
    proceeding = (await prosecutor.post(`/api/proceedings/${proceeding.id}/appeals`, { defendantId: b.id, filedOn: '2019-10-05', appellant: 'defence' }).expect(201)).body;
    expect(proceeding.appeals).toHaveLength(1);
  });

  it('computes the justice indicators of the fixture as counted by hand', async () => {
    const year: JusticeIndicators = (await prosecutor.get('/api/prosecution-indicators?year=2019').expect(200)).body;
    expect(year).toEqual({
      year: 2019,
      quarter: null,
      investigationsOpened: 1,
      charged: 2,
      accused: 1,
      convicted: 1,
      acquitted: 0,
      victimsInvolved: 1,
      // 2019-03-01 → 2019-10-01 is 214 days: 7.0 months.
      averageMonthsToSentence: 7,
      sentenceMonths: { count: 1, min: 120, average: 120, max: 120 },
      bySex: [
        { key: 'female', charged: 1, accused: 0, convicted: 1, acquitted: 0 },
        { key: 'male', charged: 1, accused: 1, convicted: 0, acquitted: 0 },
      ],
      byNationality: [
        { key: 'CO', charged: 1, accused: 1, convicted: 0, acquitted: 0 },
        { key: 'VE', charged: 1, accused: 0, convicted: 1, acquitted: 0 },
      ],
    });
    const q4: JusticeIndicators = (await prosecutor.get('/api/prosecution-indicators?year=2019&quarter=4').expect(200)).body;
    expect([q4.investigationsOpened, q4.charged, q4.accused, q4.convicted]).toEqual([0, 0, 0, 1]);
    // Coordinators count every institution's; another institution's investigator counts none of the Fiscalía's.
    expect((await coordinator.get('/api/prosecution-indicators?year=2019').expect(200)).body).toMatchObject({ charged: 2, convicted: 1 });
    expect((await das.get('/api/prosecution-indicators?year=2019').expect(200)).body).toMatchObject({ investigationsOpened: 0, charged: 0, convicted: 0 });
    await prosecutor.get('/api/prosecution-indicators?year=20x9').expect(400);
  });

  it('shows coordinators a pseudonymised proceeding: stages, no person, no alleged traffickers', async () => {
    const view: ProceedingView = (await coordinator.get(`/api/proceedings/${proceeding.id}`).expect(200)).body;
    expect(view.pseudonymised).toBe(true);
    expect(view.defendants.map((d) => [d.trafficker, d.stage])).toEqual([[null, 'acusacion'], [null, 'sentencia_condenatoria']]);
    expect(JSON.stringify(view)).not.toContain('Ficticio Prueba');
    expect((await coordinator.get('/api/traffickers').expect(200)).body).toMatchObject({ items: [], total: { count: 0, more: false } });
  });

  it('gives the IOM caseworker only the stage summary of the proceeding linked to their case, and nothing of others', async () => {
    const summary: CaseProceedingSummary[] = (await caseworker.get(`/api/cases/${fiscaliaCase.case.code}/proceedings-summary`).expect(200)).body;
    expect(summary).toEqual([
      { reportedYear: 2019, victimRole: 'victim_witness', stages: ['acusacion', 'sentencia_condenatoria'], nextHearing: { at: '2027-02-03T15:00:00.000Z', type: 'preparatoria', court: 'Juzgado 2 Penal del Circuito' } },
    ]);
    expect(JSON.stringify(summary)).not.toMatch(/110016000050201912345|Ficticio Prueba|Fiscal de Prueba|art_188a/);
    await caseworker.get(`/api/cases/${otherFiscaliaCase.case.code}/proceedings-summary`).expect(404);
    await caseworker.get(`/api/proceedings/${proceeding.id}`).expect(403);
    await caseworker.get(`/api/cases/${fiscaliaCase.case.code}/proceedings`).expect(403);
    const token = await sessionOf('caseworker@oim.demo');
    const seen = await asAppRole(token, async (client) => {
      const counts: Record<string, number> = {};
      for (const table of FILE_TABLES) counts[table] = (await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
      const mine = (await client.query(`SELECT * FROM ruta_case_proceeding_summary($1)`, [await idOf(fiscaliaCase)])).rowCount;
      const other = (await client.query(`SELECT * FROM ruta_case_proceeding_summary($1)`, [await idOf(otherFiscaliaCase)])).rowCount;
      return { counts, mine, other };
    });
    expect(seen).toEqual({ counts: Object.fromEntries(FILE_TABLES.map((t) => [t, 0])), mine: 1, other: 0 });
  });

  it('shows a partner institution nothing: API and raw SQL as ruta_app', async () => {
    await partner.get('/api/proceedings').expect(403);
    await partner.get(`/api/proceedings/${proceeding.id}`).expect(403);
    await partner.get('/api/prosecution-indicators?year=2019').expect(403);
    await partner.get(`/api/link-graph?node=proceeding:${proceeding.id}`).expect(403);
    await partner.get(`/api/cases/${fiscaliaCase.case.code}/proceedings-summary`).expect(404);
    const token = await sessionOf('partner@icbf.demo');
    const seen = await asAppRole(token, async (client) => {
      const counts: Record<string, number> = {};
      for (const table of FILE_TABLES) counts[table] = (await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
      const summary = (await client.query(`SELECT * FROM ruta_case_proceeding_summary($1)`, [await idOf(fiscaliaCase)])).rowCount;
      const write = await client.query(`SAVEPOINT s; INSERT INTO proceedings ("institutionId", "createdById", nunc, "reportedOn", "municipalityCode", "prosecutorUnit", "prosecutorName", offences)
        SELECT u."institutionId", u.id, '110016000050201900001', '2019-01-01', '11001', 'x', 'x', '{art_188a}' FROM users u WHERE u.email = 'partner@icbf.demo'`).then(
        () => 'written',
        (e: Error) => e.message,
      );
      return { counts, summary, write };
    });
    expect(seen).toEqual({ counts: Object.fromEntries(FILE_TABLES.map((t) => [t, 0])), summary: 0, write: expect.stringMatching(/row-level security/) });
  });

  it("draws an investigator's link chart one hop at a time from their own records only", async () => {
    const policeCase: CreateCaseResponse = (await police.post('/api/cases', newCaseRequest()).expect(201)).body;
    const operation = (await police.post('/api/operations', { name: 'Operación Prueba', occurredOn: '2025-05-01', municipalityCode: '11001', type: 'rescue', arrests: 1, caseCodes: [policeCase.case.code] }).expect(201)).body;
    const created = (await police.post('/api/traffickers', { kind: 'person', name: 'Pedro Ficticio Gómez', documentNumber: 'X-1', caseCodes: [policeCase.case.code], operationId: operation.id, roles: ['recruiter'] }).expect(201)).body;
    expect(created.possibleDuplicates).toEqual([]);
    // Another institution's record pointing at the same case (as if linked before a transfer): must not appear.
    await ownerQuery(`INSERT INTO proceeding_victims ("proceedingId", "caseId", role) VALUES ($1, $2, 'victim')`, [proceeding.id, await idOf(policeCase)]);

    const fromCase: LinkGraph = (await police.get(`/api/link-graph?node=case:${policeCase.case.code}`).expect(200)).body;
    expect(fromCase.nodes.map((n) => n.id).sort()).toEqual([`case:${policeCase.case.code}`, `operation:${operation.id}`, `trafficker:${created.trafficker.id}`].sort());
    const fromOperation: LinkGraph = (await police.get(`/api/link-graph?node=operation:${operation.id}`).expect(200)).body;
    expect(fromOperation.edges).toHaveLength(2);
    const policeId = (await ownerQuery<{ id: string }>(`SELECT id FROM institutions WHERE code = 'policia'`))[0].id;
    for (const node of [...fromCase.nodes, ...fromOperation.nodes]) {
      const [kind, key] = [node.id.slice(0, node.id.indexOf(':')), node.id.slice(node.id.indexOf(':') + 1)];
      const table = { case: 'cases', operation: 'operations', trafficker: 'alleged_traffickers', proceeding: 'proceedings' }[kind]!;
      const owner = kind === 'case' ? `SELECT "ownerInstitutionId" AS i FROM cases WHERE code = $1` : `SELECT "institutionId" AS i FROM ${table} WHERE id = $1`;
      expect({ node: node.id, institution: (await ownerQuery<{ i: string }>(owner, [key]))[0].i }).toEqual({ node: node.id, institution: policeId });
    }
    await police.get(`/api/link-graph?node=proceeding:${proceeding.id}`).expect(404);
    await police.get('/api/link-graph?node=nothing').expect(400);
  });

  it('flags possible duplicate traffickers among the institution’s own, never across institutions', async () => {
    const again = (await police.post('/api/traffickers', { kind: 'person', name: 'Pedro Ficticio Gomez' }).expect(201)).body;
    expect(again.possibleDuplicates).toEqual([expect.objectContaining({ name: 'Pedro Ficticio Gómez', reason: 'name' })]);
    const byDocument = (await police.post('/api/traffickers', { kind: 'person', name: 'Otro Nombre', documentNumber: 'X-1' }).expect(201)).body;
    expect(byDocument.possibleDuplicates.map((d: { reason: string }) => d.reason)).toContain('document');
    const elsewhere = (await das.post('/api/traffickers', { kind: 'person', name: 'Pedro Ficticio Gómez', documentNumber: 'X-1' }).expect(201)).body;
    expect(elsewhere.possibleDuplicates).toEqual([]);
    await das.get(`/api/traffickers/${again.trafficker.id}`).expect(404);
  });

  it('links an existing alleged trafficker to an operation, audited; nothing across institutions', async () => {
    const operation = (await police.post('/api/operations', { name: 'Operación Vínculo', occurredOn: '2025-06-01', municipalityCode: '11001', type: 'raid', arrests: 0 }).expect(201)).body;
    const trafficker = (await police.post('/api/traffickers', { kind: 'person', name: 'Julio Ficticio Enlace' }).expect(201)).body.trafficker;
    const linked = (await police.post(`/api/operations/${operation.id}/traffickers`, { traffickerId: trafficker.id, arrested: true }).expect(201)).body;
    expect(linked.traffickers).toEqual([{ id: trafficker.id, name: 'Julio Ficticio Enlace', arrested: true }]);
    // Linked twice: still one link.
    expect((await police.post(`/api/operations/${operation.id}/traffickers`, { traffickerId: trafficker.id }).expect(201)).body.traffickers).toHaveLength(1);
    expect((await police.get(`/api/traffickers/${trafficker.id}`).expect(200)).body.operations).toEqual([expect.objectContaining({ id: operation.id })]);
    const audited = await ownerQuery<{ details: { trafficker: string } }>(`SELECT details FROM audit_events WHERE "entityType" = 'operation' AND "entityId" = $1 AND action = 'update'`, [operation.id]);
    expect(audited.map((a) => a.details.trafficker)).toEqual([trafficker.id, trafficker.id]);
    // Another institution's trafficker, another institution's operation, a partner, a bad body.
    const dasTrafficker = (await das.post('/api/traffickers', { kind: 'person', name: 'Otro Ficticio' }).expect(201)).body.trafficker;
    await police.post(`/api/operations/${operation.id}/traffickers`, { traffickerId: dasTrafficker.id }).expect(404);
    await das.post(`/api/operations/${operation.id}/traffickers`, { traffickerId: dasTrafficker.id }).expect(404);
    await partner.post(`/api/operations/${operation.id}/traffickers`, { traffickerId: trafficker.id }).expect(403);
    const invalid = await police.post(`/api/operations/${operation.id}/traffickers`, { traffickerId: 'x', extra: 1 }).expect(400);
    expect(JSON.stringify(invalid.body)).toMatch(/traffickerId/);
  });

  it('orders the proceedings, operations and traffickers lists either way, keyset-paged, on the server', async () => {
    const all = async (session: ApiSession, path: string, order: string): Promise<{ id: string; k: string }[]> => {
      const seen: { id: string; k: string }[] = [];
      let cursor: string | undefined;
      do {
        const page = (await session.get(`${path}?limit=2&order=${order}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`).expect(200)).body;
        seen.push(...page.items.map((i: { id: string; reportedOn?: string; occurredOn?: string; name?: string }) => ({ id: i.id, k: i.reportedOn ?? i.occurredOn ?? i.name! })));
        cursor = page.nextCursor;
        expect(page.total.more).toBe(false);
        expect(page.total.count).toBeGreaterThanOrEqual(seen.length);
      } while (cursor);
      return seen;
    };
    await police.post('/api/operations', { name: 'Operación Antigua', occurredOn: '2020-01-02', municipalityCode: '11001', type: 'raid', arrests: 0 }).expect(201);
    for (const [session, path, byDate] of [[prosecutor, '/api/proceedings', true], [police, '/api/operations', true], [police, '/api/traffickers', false]] as const) {
      const asc = await all(session, path, 'asc');
      const desc = await all(session, path, 'desc');
      expect(asc.length).toBeGreaterThanOrEqual(3);
      expect(desc.map((r) => r.id)).toEqual([...asc].reverse().map((r) => r.id));
      if (byDate) expect(asc.map((r) => r.k)).toEqual([...asc.map((r) => r.k)].sort());
      await session.get(`${path}?order=sideways`).expect(400);
    }
  });

  it('counts the indicators through the (stage, date) and report-date indexes, and reads a proceeding\'s history by proceeding, at scale (EXPLAIN as ruta_app)', async () => {
    // 3,000 proceedings of other years, 3 defendants each, 4 stage entries each: 36,000 events outside 2019.
    await ownerQuery(`WITH p AS (
        INSERT INTO proceedings ("institutionId", "createdById", nunc, "reportedOn", "municipalityCode", "prosecutorUnit", "prosecutorName", offences)
        SELECT u."institutionId", u.id, '8' || lpad(g::text, 20, '0'), date '2010-01-01' + (g % 3000), '11001', 'Unidad', 'Fiscal', '{art_188a}'
        FROM generate_series(1, 3000) g, users u WHERE u.email = 'prosecutor@fiscalia.demo' RETURNING id, "institutionId", "reportedOn"),
      t AS (
        INSERT INTO alleged_traffickers ("institutionId", "createdById", kind, name)
        SELECT u."institutionId", u.id, 'person', 'Carga ' || g FROM generate_series(1, 9000) g, users u WHERE u.email = 'prosecutor@fiscalia.demo' RETURNING id),
      tn AS (SELECT id, row_number() OVER () AS n FROM t),
      pn AS (SELECT p.*, row_number() OVER () AS n FROM p),
      d AS (
        INSERT INTO defendants ("proceedingId", "institutionId", "traffickerId", ordinal, sex, "stageSince", stage)
        SELECT pn.id, pn."institutionId", tn.id, k, CASE WHEN k = 1 THEN 'male' ELSE 'female' END, pn."reportedOn", 'acusacion'
        FROM pn CROSS JOIN generate_series(1, 3) k JOIN tn ON tn.n = (pn.n - 1) * 3 + k RETURNING id, "proceedingId", "institutionId", "stageSince")
      INSERT INTO defendant_stage_events ("defendantId", "proceedingId", "institutionId", "fromStage", "toStage", "on")
      SELECT d.id, d."proceedingId", d."institutionId", NULL, s, d."stageSince" + (i * 30)::int
      FROM d CROSS JOIN unnest(ARRAY['indagacion', 'imputacion', 'investigacion', 'acusacion']) WITH ORDINALITY AS x(s, i)`);
    await ownerQuery(`ANALYZE proceedings; ANALYZE defendants; ANALYZE defendant_stage_events; ANALYZE proceeding_victims`);
    const token = await sessionOf('prosecutor@fiscalia.demo');
    interface PlanNode {
      'Node Type': string;
      'Relation Name'?: string;
      'Index Name'?: string;
      Plans?: PlanNode[];
    }
    const walk = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(walk)];
    const plans = await asAppRole(token, async (client) => {
      const plan = async (sql: string) => walk((await client.query(`EXPLAIN (FORMAT JSON) ${sql}`, ['2019-01-01', '2020-01-01'])).rows[0]['QUERY PLAN'][0].Plan);
      const [{ id }] = (await client.query(`SELECT id FROM proceedings WHERE nunc LIKE '8%' ORDER BY nunc LIMIT 1`)).rows;
      const history = walk((await client.query(`EXPLAIN (FORMAT JSON) ${PROCEEDING_HISTORY_SQL}`, [id])).rows[0]['QUERY PLAN'][0].Plan);
      return { breakdown: await plan(JUSTICE_INDICATOR_SQL.breakdown), totals: await plan(JUSTICE_INDICATOR_SQL.totals), history };
    });
    const seqScans = (nodes: PlanNode[]) => nodes.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name']);
    const indexes = (nodes: PlanNode[]) => nodes.map((n) => n['Index Name']).filter(Boolean);
    expect(indexes(plans.breakdown)).toContain('IDX_defendant_stage_events_stage_on');
    expect(indexes(plans.totals)).toEqual(expect.arrayContaining(['IDX_defendant_stage_events_stage_on', 'IDX_proceedings_reported']));
    expect(seqScans(plans.breakdown)).not.toContain('defendant_stage_events');
    expect(seqScans(plans.totals)).not.toContain('defendant_stage_events');
    expect(seqScans(plans.totals)).not.toContain('proceedings');
    // A proceeding's detail reads its stage history by proceeding, not by scanning every event.
    expect(indexes(plans.history)).toContain('IDX_defendant_stage_events_proceeding');
    expect(seqScans(plans.history)).not.toContain('defendant_stage_events');
    // The numbers of 2019 are those of the fixture still.
    expect((await prosecutor.get('/api/prosecution-indicators?year=2019').expect(200)).body).toMatchObject({ investigationsOpened: 1, charged: 2, accused: 1, convicted: 1 });
  });

  it('counts a list total up to 10,000 and then says there are more; below the cap the count is exact', async () => {
    const [{ institutionId }] = await ownerQuery<{ institutionId: string }>(`SELECT "institutionId" FROM users WHERE email = 'prosecutor@fiscalia.demo'`);
    const [{ n }] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM alleged_traffickers WHERE "institutionId" = $1`, [institutionId]);
    await ownerQuery(
      `INSERT INTO alleged_traffickers ("institutionId", "createdById", kind, name)
       SELECT u."institutionId", u.id, 'person', 'Tope ' || g FROM generate_series(1, $1::int) g, users u WHERE u.email = 'prosecutor@fiscalia.demo'`,
      [Math.max(0, LIST_COUNT_CAP + 5 - n)],
    );
    const traffickers = (await prosecutor.get('/api/traffickers?limit=5').expect(200)).body;
    expect(traffickers.total).toEqual({ count: LIST_COUNT_CAP, more: true });
    expect(traffickers.items).toHaveLength(5);
    const [{ proceedings }] = await ownerQuery<{ proceedings: number }>(`SELECT count(*)::int AS proceedings FROM proceedings WHERE "institutionId" = $1`, [institutionId]);
    expect(proceedings).toBeLessThan(LIST_COUNT_CAP);
    expect((await prosecutor.get('/api/proceedings?limit=5').expect(200)).body.total).toEqual({ count: proceedings, more: false });
  });
});
