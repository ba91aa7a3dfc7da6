import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { openSessionFor, sessionOf } from '../../support/app-role';
import { CaseDetailView, CreateCaseResponse } from '@ruta/shared';
import { newCaseRequest, ownerQuery } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';

describe('cases: intake, scopes, pseudonymisation, row-level security', () => {
  let app: INestApplication;
  let police: ApiSession;
  let das: ApiSession;
  let coordinator: ApiSession;
  let created: CreateCaseResponse;
  const request = newCaseRequest({ victim: { givenNames: 'José', familyNames: 'Pérez Zúñiga', documentNumber: '1.023.456.789', birthDate: '1990-02-03' } });

  beforeAll(async () => {
    app = await createTestApp();
    [police, das, coordinator] = await Promise.all([
      loginAs(app, 'investigator@policia.demo'),
      loginAs(app, 'investigator@das.demo'),
      loginAs(app, 'coordinator@mininterior.demo'),
    ]);
    const response = await police.post('/api/cases', request);
    expect(response.status).toBe(201);
    created = response.body;
  });
  afterAll(async () => {
    await app.close();
  });

  it('lets a police investigator create a case with a pseudonymous code, the first status and derived age facts', () => {
    expect(created.case.code).toMatch(/^RT-\d{4}-\d{6}$/);
    expect(created.case).toMatchObject({
      status: 'received',
      ownerInstitution: { code: 'policia' },
      ageBand: '30-38',
      minorAtIdentification: false,
      minorAtExploitation: false,
      childWelfareFlag: false,
      departmentCode: '11',
      pseudonymised: false,
      victimName: 'José Pérez Zúñiga',
    });
    expect(created.case.victim).toMatchObject({ givenNames: 'José', documentNumber: '1.023.456.789' });
    expect(created.case.events[0]).toMatchObject({ kind: 'exploitation', municipalityCode: '05001', departmentCode: '05', municipalityName: 'Medellín' });
    expect(created.case.allowedTransitions).toContain('immediate_assistance');
  });

  it('derives minor flags from dates and flags child welfare, ignoring any flag sent by the client', async () => {
    const minor = newCaseRequest({ victim: { birthDate: '2011-03-01', documentType: 'tarjeta_identidad' } });
    const response = await police.post('/api/cases', minor).expect(201);
    expect(response.body.case).toMatchObject({ minorAtIdentification: true, minorAtExploitation: true, childWelfareFlag: true, ageBand: '9-17' });
    const forged = newCaseRequest({ case: { childWelfareFlag: false, minorAtIdentification: false } });
    const refused = await police.post('/api/cases', forged).expect(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['case.childWelfareFlag', 'case.minorAtIdentification']));
  });

  it('shows the case to its institution in list and search', async () => {
    const list = await police.post('/api/cases/search', {}).expect(200);
    expect(list.body.items.map((c: { code: string }) => c.code)).toContain(created.case.code);
    const byCode = await police.post('/api/cases/search', { code: created.case.code.toLowerCase() }).expect(200);
    expect(byCode.body.items).toHaveLength(1);
  });

  it('hides the case from an investigator of another institution: list, search, detail, documents, notes, timeline', async () => {
    const list = await das.post('/api/cases/search', { limit: 100 }).expect(200);
    expect(list.body.items.every((c: { ownerInstitution: { code: string } }) => c.ownerInstitution.code === 'das')).toBe(true);
    const byName = await das.post('/api/cases/search', { name: 'jose perez' }).expect(200);
    expect(byName.body.items.map((c: { code: string }) => c.code)).not.toContain(created.case.code);
    const byCode = await das.post('/api/cases/search', { code: created.case.code }).expect(200);
    expect(byCode.body.items).toEqual([]);
    const byDocument = await das.post('/api/cases/search', { documentNumber: '1023456789' }).expect(200);
    expect(byDocument.body.items).toEqual([]);
    for (const path of ['', '/documents', '/notes', '/consents', '/timeline']) {
      const response = await das.get(`/api/cases/${created.case.code}${path}`).expect(404);
      expect(response.body.code).toBe('not_found');
    }
    await das.patch(`/api/cases/${created.case.code}`, { version: 1, source: 'media' }).expect(404);
  });

  it('tells another institution only that a possible duplicate exists, and where', async () => {
    const byDocument = await das.post('/api/cases/duplicates', { givenNames: 'José', familyNames: 'Pérez Zúñiga', documentNumber: '1023456789' }).expect(200);
    expect(byDocument.body).toEqual([{ institution: expect.objectContaining({ code: 'policia' }), matchedOn: 'document', code: null }]);
    const byName = await das.post('/api/cases/duplicates', { givenNames: 'jose', familyNames: 'perez zuniga', birthDate: '1990-02-03', sex: 'female' }).expect(200);
    expect(byName.body).toEqual([{ institution: expect.objectContaining({ code: 'policia' }), matchedOn: 'name_birth_date', code: null }]);
    expect(JSON.stringify(byName.body)).not.toMatch(/José|Pérez|1023456789|RT-/);
    const own = await police.post('/api/cases/duplicates', { givenNames: 'José', familyNames: 'Pérez Zúñiga', documentNumber: '1023456789' }).expect(200);
    expect(own.body[0].code).toBe(created.case.code);
  });

  it('warns at intake when the same document number already exists elsewhere', async () => {
    const again = await das.post('/api/cases', newCaseRequest({ victim: { documentNumber: '1023456789' } })).expect(201);
    expect(again.body.duplicates).toEqual(expect.arrayContaining([{ institution: expect.objectContaining({ code: 'policia' }), matchedOn: 'document', code: null }]));
    for (const hint of again.body.duplicates) if (hint.institution.code !== 'das') expect(hint.code).toBeNull();
  });

  it('shows the case to a coordinator pseudonymised: code and age band, no identity anywhere in the JSON', async () => {
    const detail = await coordinator.get(`/api/cases/${created.case.code}`).expect(200);
    expect(detail.body).toMatchObject({ code: created.case.code, ageBand: '30-38', pseudonymised: true, victim: null, victimName: null });
    const text = JSON.stringify(detail.body);
    for (const secret of ['José', 'Pérez', 'Zúñiga', '1.023.456.789', '1023456789', '1990-02-03']) expect(text).not.toContain(secret);
    const list = await coordinator.post('/api/cases/search', { code: created.case.code }).expect(200);
    expect(list.body.items[0]).toMatchObject({ code: created.case.code, victimName: null });
    const byName = await coordinator.post('/api/cases/search', { name: 'jose perez' }).expect(403);
    expect(byName.body.code).toBe('identity_required');
  });

  it('finds "José Pérez" from "jose perez" and from the typo "jose peres"', async () => {
    for (const name of ['jose perez', 'JOSE PÉREZ', 'jose peres', 'perez zuniga']) {
      const response = await police.post('/api/cases/search', { name, limit: 50 }).expect(200);
      expect(response.body.items.map((c: { code: string }) => c.code)).toContain(created.case.code);
    }
    const unrelated = await police.post('/api/cases/search', { name: 'xiomara quintero' }).expect(200);
    expect(unrelated.body.items.map((c: { code: string }) => c.code)).not.toContain(created.case.code);
  });

  it('paginates with an opaque keyset cursor without repeating or skipping a case', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await police.post('/api/cases/search', { limit: 7, ...(cursor ? { cursor } : {}) }).expect(200);
      seen.push(...page.body.items.map((c: { code: string }) => c.code));
      cursor = page.body.nextCursor;
    } while (cursor);
    const all = await police.post('/api/cases/search', { limit: 100 }).expect(200);
    expect(seen).toEqual(all.body.items.map((c: { code: string }) => c.code));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('filters by status, purpose, department, minor and dates', async () => {
    const response = await police.post('/api/cases/search', { status: ['received'], purpose: ['forced_labour'], departmentCode: '11', minor: false, createdFrom: '2026-01-01', limit: 100 }).expect(200);
    expect(response.body.items.map((c: { code: string }) => c.code)).toContain(created.case.code);
    for (const item of response.body.items) expect(item).toMatchObject({ status: 'received', departmentCode: '11', childWelfareFlag: false });
    const none = await police.post('/api/cases/search', { code: created.case.code, status: ['closed'] }).expect(200);
    expect(none.body.items).toEqual([]);
  });

  it('leaves an audit event for every read: detail, documents, timeline, and the search page that listed the case', async () => {
    const caseId = (await ownerQuery<{ id: string }>(`SELECT id FROM cases WHERE code = $1`, [created.case.code]))[0].id;
    const before = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE "entityId" = $1 AND action = 'read'`, [caseId]);
    const pagesBefore = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'search' AND details->'caseIds' ? $1`, [caseId]);
    await police.get(`/api/cases/${created.case.code}`).expect(200);
    await police.post('/api/cases/search', { code: created.case.code }).expect(200);
    await police.get(`/api/cases/${created.case.code}/documents`).expect(200);
    const timeline = await police.get(`/api/cases/${created.case.code}/timeline`);
    if (timeline.status !== 200) console.log(timeline.body);
    expect(timeline.status).toBe(200);
    await coordinator.get(`/api/cases/${created.case.code}`).expect(200);
    const after = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE "entityId" = $1 AND action = 'read'`, [caseId]);
    expect(after[0].n - before[0].n).toBe(4);
    // The list page is one event that names the ids it showed (not one event per row).
    const pages = await ownerQuery<{ details: { caseIds: string[]; results: number } }>(
      `SELECT details FROM audit_events WHERE action = 'search' AND details->'caseIds' ? $1 ORDER BY id DESC`,
      [caseId],
    );
    expect(pages.length - pagesBefore[0].n).toBe(1);
    expect(pages[0].details).toMatchObject({ caseIds: [caseId], results: 1 });
    const details = await ownerQuery<{ details: unknown }>(`SELECT details FROM audit_events WHERE "entityId" = $1`, [caseId]);
    expect(JSON.stringify(details)).not.toMatch(/José|Pérez|1023456789|1\.023/);
  });

  it('hides policía rows from DAS in raw SQL as the application role (row-level security)', async () => {
    const [dasInstitution] = await ownerQuery<{ id: string }>(`SELECT id FROM institutions WHERE code = 'das'`);
    const [dasUser] = await ownerQuery<{ id: string }>(`SELECT id FROM users WHERE email = 'investigator@das.demo'`);
    const client = new Client({ connectionString: process.env.RUTA_TEST_APP_URL });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT ruta_begin_request($1)`, [await openSessionFor(dasUser.id)]);
      const cases = await client.query(`SELECT code, "ownerInstitutionId" FROM cases`);
      expect(cases.rows.length).toBeGreaterThan(0);
      expect(cases.rows.every((r) => r.ownerInstitutionId === dasInstitution.id)).toBe(true);
      expect(cases.rows.map((r) => r.code)).not.toContain(created.case.code);
      // The names are encrypted (no clear copy to match): the police case's victim row, by its case id.
      const [policeCase] = await ownerQuery<{ id: string }>(`SELECT id FROM cases WHERE code = $1`, [created.case.code]);
      const victims = await client.query(`SELECT v."caseId" FROM victims v WHERE v."caseId" = $1`, [policeCase.id]);
      expect(victims.rows).toEqual([]);
      for (const table of ['screenings', 'trafficking_events', 'consents', 'case_status_transitions']) {
        const leaked = await client.query(`SELECT count(*)::int AS n FROM ${table} t JOIN LATERAL (SELECT 1) x ON true WHERE t."caseId" IN (SELECT id FROM cases WHERE "ownerInstitutionId" <> $1)`, [dasInstitution.id]);
        expect(leaked.rows[0].n).toBe(0);
      }
      const all = await client.query(`SELECT count(*)::int AS n FROM screenings`);
      const [ownerCount] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM screenings s JOIN cases c ON c.id = s."caseId" WHERE c."ownerInstitutionId" = $1`, [dasInstitution.id]);
      expect(all.rows[0].n).toBe(ownerCount.n);
      await client.query('ROLLBACK');

      // Coordinators (all cases, pseudonymised) see cases but no victim row at all.
      await client.query('BEGIN');
      await client.query(`SELECT ruta_begin_request($1)`, [await sessionOf('coordinator@mininterior.demo')]);
      expect((await client.query(`SELECT count(*)::int AS n FROM cases`)).rows[0].n).toBeGreaterThan(0);
      expect((await client.query(`SELECT count(*)::int AS n FROM victims`)).rows[0].n).toBe(0);
      await client.query('ROLLBACK');

      // Without any context nothing is visible.
      expect((await client.query(`SELECT count(*)::int AS n FROM cases`)).rows[0].n).toBe(0);
      await expect(client.query(`DELETE FROM cases`)).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }
  });

  it('lets a caseworker (assigned scope) see only cases created by or assigned to them', async () => {
    const caseworker = await loginAs(app, 'caseworker@oim.demo');
    const list = await caseworker.post('/api/cases/search', { limit: 100 }).expect(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((c: { ownerInstitution: { code: string } }) => c.ownerInstitution.code === 'oim')).toBe(true);
    const assigned = await caseworker.post('/api/cases/search', { assignedToMe: true, limit: 100 }).expect(200);
    expect(assigned.body.items.length).toBeGreaterThan(0);
    await caseworker.get(`/api/cases/${created.case.code}`).expect(404);
  });

  it('lists to the referred scope only the cases with an open referral to its institution, and opens none through the case routes', async () => {
    const partner = await loginAs(app, 'partner@icbf.demo');
    const list = await partner.post('/api/cases/search', { limit: 100 }).expect(200);
    const referred = await ownerQuery<{ code: string }>(
      `SELECT DISTINCT r."caseCode" AS code FROM referrals r JOIN institutions i ON i.id = r."toInstitutionId"
       WHERE i.code = 'icbf' AND r.status IN ('sent', 'received', 'accepted', 'in_progress') AND r."accessEndedAt" IS NULL`,
    );
    expect(list.body.items.map((c: { code: string }) => c.code).sort()).toEqual(referred.map((r) => r.code).sort());
    // The case routes are not the partner's way in (its referral's limited view is), and an unreferred case stays hidden.
    await partner.get(`/api/cases/${created.case.code}`).expect(404);
    if (referred[0]) await partner.get(`/api/cases/${referred[0].code}`).expect(404);
  });

  it('returns the detail to the owner institution with everything, shelter included for location readers', async () => {
    const withShelter = await police.post('/api/cases', newCaseRequest({ victim: { shelterLocation: 'Casa refugio ficticia 7' } })).expect(201);
    const detail: CaseDetailView = (await police.get(`/api/cases/${withShelter.body.case.code}`).expect(200)).body;
    expect(detail.victim?.shelterLocation).toBe('Casa refugio ficticia 7');
    expect(detail.screenings[0]).toMatchObject({ result: 'possible_victim', acts: ['recruitment', 'harbouring'] });
    const prosecutor = await loginAs(app, 'prosecutor@fiscalia.demo');
    const own = await prosecutor.post('/api/cases', newCaseRequest({ victim: { shelterLocation: 'x' } })).expect(400);
    expect(own.body.errors[0]).toMatchObject({ field: 'victim.shelterLocation', code: 'forbidden' });
  });
});
