import { INestApplication } from '@nestjs/common';
import { OPERATIONS_PAGE_SQL } from '@ruta/prosecutions';
import { CreateCaseResponse, OperationView, ProceedingView, TraffickerView } from '@ruta/shared';
import { asAppRole, sessionOf } from '../../support/app-role';
import { newCaseRequest, ownerQuery } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';

/**
 * Correcting the investigation file: an alleged trafficker unlinked from a case or an operation (audited, 404 outside
 * the reader's scope), an appeal edited or decided under optimistic locking, and the operations list of a reader of
 * every institution ordered along its own index, its cursor carrying the order.
 */
describe('prosecution corrections', () => {
  let app: INestApplication;
  let police: ApiSession;
  let das: ApiSession;
  let prosecutor: ApiSession;
  let partner: ApiSession;
  let coordinator: ApiSession;
  let policeCase: CreateCaseResponse;

  const auditOf = (entityType: string, entityId: string) =>
    ownerQuery<{ action: string; details: Record<string, unknown> }>(
      `SELECT action, details FROM audit_events WHERE "entityType" = $1 AND "entityId" = $2 ORDER BY id`,
      [entityType, entityId],
    );

  beforeAll(async () => {
    app = await createTestApp();
    [police, das, prosecutor, partner, coordinator] = [
      await loginAs(app, 'investigator@policia.demo'),
      await loginAs(app, 'investigator@das.demo'),
      await loginAs(app, 'prosecutor@fiscalia.demo'),
      await loginAs(app, 'partner@icbf.demo'),
      await loginAs(app, 'coordinator@mininterior.demo'),
    ];
    policeCase = (await police.post('/api/cases', newCaseRequest()).expect(201)).body;
  });
  afterAll(() => app.close());

  it('unlinks an alleged trafficker from a case, audited on both; 404 outside the scope or without the link', async () => {
    const code = policeCase.case.code;
    const trafficker: TraffickerView = (await police.post('/api/traffickers', { kind: 'person', name: 'Ramiro Ficticio Desvínculo', caseCodes: [code] }).expect(201)).body.trafficker;
    expect(trafficker.caseCodes).toEqual([code]);
    // Another institution, a role without operations:manage, a partner: nothing changes.
    await das.delete(`/api/traffickers/${trafficker.id}/cases/${code}`).expect(404);
    await prosecutor.delete(`/api/traffickers/${trafficker.id}/cases/${code}`).expect(403);
    await partner.delete(`/api/traffickers/${trafficker.id}/cases/${code}`).expect(403);
    expect((await police.get(`/api/traffickers/${trafficker.id}`).expect(200)).body.caseCodes).toEqual([code]);

    const unlinked: TraffickerView = (await police.delete(`/api/traffickers/${trafficker.id}/cases/${code}`).expect(200)).body;
    expect(unlinked.caseCodes).toEqual([]);
    expect(await ownerQuery(`SELECT 1 FROM trafficker_cases WHERE "traffickerId" = $1`, [trafficker.id])).toEqual([]);
    const caseId = (await ownerQuery<{ id: string }>(`SELECT id FROM cases WHERE code = $1`, [code]))[0].id;
    expect((await auditOf('trafficker', trafficker.id)).filter((e) => e.action === 'update').map((e) => e.details)).toEqual([{ case: caseId, unlinked: true }]);
    expect((await auditOf('case', caseId)).filter((e) => e.details['unlinked']).map((e) => e.details)).toEqual([{ section: 'traffickers', trafficker: trafficker.id, unlinked: true }]);
    // Twice: there is no link any more.
    await police.delete(`/api/traffickers/${trafficker.id}/cases/${code}`).expect(404);
    await police.delete(`/api/traffickers/${trafficker.id}/cases/not-a-code`).expect(404);
  });

  it('does not let ruta_app delete another institution’s link by raw SQL', async () => {
    const trafficker: TraffickerView = (await police.post('/api/traffickers', { kind: 'person', name: 'Link Ficticio Crudo', caseCodes: [policeCase.case.code] }).expect(201)).body.trafficker;
    const deleted = await asAppRole(await sessionOf('investigator@das.demo'), async (client) => (await client.query(`DELETE FROM trafficker_cases WHERE "traffickerId" = $1`, [trafficker.id])).rowCount);
    expect(deleted).toBe(0);
    expect(await ownerQuery(`SELECT 1 FROM trafficker_cases WHERE "traffickerId" = $1`, [trafficker.id])).toHaveLength(1);
  });

  it('unlinks an alleged trafficker from an operation, audited; 404 for another institution or no link', async () => {
    const operation: OperationView = (await police.post('/api/operations', { name: 'Operación Corrección', occurredOn: '2025-07-01', municipalityCode: '11001', type: 'rescue', arrests: 1 }).expect(201)).body;
    const trafficker: TraffickerView = (await police.post('/api/traffickers', { kind: 'person', name: 'Sergio Ficticio Error' }).expect(201)).body.trafficker;
    await police.post(`/api/operations/${operation.id}/traffickers`, { traffickerId: trafficker.id, arrested: true }).expect(201);
    await das.delete(`/api/operations/${operation.id}/traffickers/${trafficker.id}`).expect(404);
    await partner.delete(`/api/operations/${operation.id}/traffickers/${trafficker.id}`).expect(403);

    const after: OperationView = (await police.delete(`/api/operations/${operation.id}/traffickers/${trafficker.id}`).expect(200)).body;
    expect(after.traffickers).toEqual([]);
    expect((await police.get(`/api/traffickers/${trafficker.id}`).expect(200)).body.operations).toEqual([]);
    expect((await auditOf('operation', operation.id)).filter((e) => e.details['unlinked']).map((e) => e.details)).toEqual([{ trafficker: trafficker.id, unlinked: true }]);
    await police.delete(`/api/operations/${operation.id}/traffickers/${trafficker.id}`).expect(404);
    await police.delete(`/api/operations/${operation.id}/traffickers/x`).expect(400);
  });

  it('edits an appeal and records its outcome under optimistic locking (409 on a stale version)', async () => {
    const caseOfFiscalia: CreateCaseResponse = (await prosecutor.post('/api/cases', newCaseRequest()).expect(201)).body;
    let proceeding: ProceedingView = (
      await prosecutor
        .post('/api/proceedings', {
          nunc: '110016000050202154321',
          reportedOn: '2021-02-01',
          prosecutorUnit: 'Unidad contra la Trata',
          prosecutorName: 'Fiscal de Prueba',
          offences: ['art_188a'],
          victims: [{ caseCode: caseOfFiscalia.case.code, role: 'victim' }],
        })
        .expect(201)
    ).body;
    proceeding = (await prosecutor.post(`/api/proceedings/${proceeding.id}/defendants`, { name: 'Defendido Ficticio Apelante', sex: 'male' }).expect(201)).body;
    const [defendant] = proceeding.defendants;
    proceeding = (await prosecutor.post(`/api/proceedings/${proceeding.id}/appeals`, { defendantId: defendant.id, filedOn: '2021-06-01', appellant: 'defence' }).expect(201)).body;
    const [appeal] = proceeding.appeals;
    expect(appeal).toMatchObject({ appellant: 'defence', decision: 'pending', decidedOn: null, version: 1 });
    const url = `/api/proceedings/${proceeding.id}/appeals/${appeal.id}`;

    // Corrected: the appellant was the prosecution.
    proceeding = (await prosecutor.patch(url, { version: 1, appellant: 'prosecution' }).expect(200)).body;
    expect(proceeding.appeals[0]).toMatchObject({ appellant: 'prosecution', decision: 'pending', version: 2 });
    // Decided, from a stale screen: 409, nothing changes.
    const stale = await prosecutor.patch(url, { version: 1, decision: 'confirmed', decidedOn: '2021-09-01' }).expect(409);
    expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: 2 });
    // A decision needs its date, on or after the filing.
    expect((await prosecutor.patch(url, { version: 2, decision: 'confirmed' }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'decidedOn', code: 'decision_date' })]);
    expect((await prosecutor.patch(url, { version: 2, decision: 'confirmed', decidedOn: '2021-05-01' }).expect(400)).body.errors).toEqual([
      expect.objectContaining({ field: 'decidedOn', code: 'decided_before_filing', params: { since: '2021-06-01' } }),
    ]);
    proceeding = (await prosecutor.patch(url, { version: 2, decision: 'confirmed', decidedOn: '2021-09-01' }).expect(200)).body;
    expect(proceeding.appeals[0]).toMatchObject({ decision: 'confirmed', decidedOn: '2021-09-01', version: 3 });
    // Back to pending: the date goes with the decision.
    proceeding = (await prosecutor.patch(url, { version: 3, decision: 'pending' }).expect(200)).body;
    expect(proceeding.appeals[0]).toMatchObject({ decision: 'pending', decidedOn: null, version: 4 });
    const audited = (await auditOf('proceeding', proceeding.id)).filter((e) => e.action === 'update' && e.details['appeal'] === appeal.id);
    expect(audited.map((e) => e.details['fields'])).toEqual([['appellant'], ['decision', 'decidedOn'], ['decision']]);
    // Outside the institution, another proceeding's path, a bad body.
    await police.patch(url, { version: 4, decision: 'revoked', decidedOn: '2021-10-01' }).expect(403);
    await prosecutor.patch(`/api/proceedings/${proceeding.id}/appeals/${defendant.id}`, { version: 4, appellant: 'victim' }).expect(404);
    const invalid = await prosecutor.patch(url, { version: 4, decision: 'maybe', defendantId: defendant.id }).expect(400);
    expect(JSON.stringify(invalid.body.errors)).toMatch(/decision/);
    expect((await ownerQuery<{ version: number }>(`SELECT version FROM appeals WHERE id = $1`, [appeal.id]))[0].version).toBe(4);
  });

  it('gives a reader of every institution the operations in either order, the cursor carrying it', async () => {
    for (const [session, day] of [[police, '2018-01-03'], [das, '2018-01-01'], [police, '2018-01-02'], [das, '2018-01-04']] as const) {
      await session.post('/api/operations', { name: `Operación ${day}`, occurredOn: day, municipalityCode: '11001', type: 'border_control', arrests: 0 }).expect(201);
    }
    const first = (await coordinator.get('/api/operations?order=asc&limit=2').expect(200)).body;
    expect(first.items.map((o: OperationView) => o.occurredOn)).toEqual(['2018-01-01', '2018-01-02']);
    expect(new Set(first.items.map((o: OperationView) => o.institution.code)).size).toBe(2);
    // Page 2 without ?order= continues oldest first; naming the other order with that cursor is refused.
    const second = (await coordinator.get(`/api/operations?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`).expect(200)).body;
    expect(second.items.map((o: OperationView) => o.occurredOn)).toEqual(['2018-01-03', '2018-01-04']);
    const mixed = await coordinator.get(`/api/operations?order=desc&limit=2&cursor=${encodeURIComponent(first.nextCursor)}`).expect(400);
    expect(mixed.body.errors).toEqual([expect.objectContaining({ field: 'order', code: 'cursor_order' })]);
    const forged = Buffer.from(JSON.stringify({ k: '2018-01-01', id: 'x', o: 'asc' })).toString('base64url');
    expect((await coordinator.get(`/api/operations?cursor=${forged}`).expect(400)).body.errors).toEqual([expect.objectContaining({ code: 'invalid_cursor' })]);
  });

  it('reads a page of every institution’s operations along (occurredOn, id), either way, at scale (EXPLAIN as ruta_app)', async () => {
    await ownerQuery(
      `INSERT INTO operations ("institutionId", "createdById", name, "occurredOn", "municipalityCode", type, arrests)
       SELECT u."institutionId", u.id, 'Carga ' || g, date '2000-01-01' + (g % 9000), '11001', 'raid', 0
       FROM generate_series(1, 6000) g, users u WHERE u.email IN ('investigator@policia.demo', 'investigator@das.demo')`,
    );
    await ownerQuery(`ANALYZE operations; ANALYZE operation_cases; ANALYZE operation_traffickers`);
    interface PlanNode {
      'Node Type': string;
      'Relation Name'?: string;
      'Index Name'?: string;
      Plans?: PlanNode[];
    }
    const walk = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(walk)];
    const plans = await asAppRole(await sessionOf('coordinator@mininterior.demo'), async (client) => {
      const plan = async (order: 'asc' | 'desc', params: unknown[]) =>
        walk((await client.query(`EXPLAIN (FORMAT JSON) ${OPERATIONS_PAGE_SQL(order)}`, params)).rows[0]['QUERY PLAN'][0].Plan);
      const after = ['2010-06-01', '00000000-0000-4000-8000-000000000000', 26];
      return [await plan('asc', [null, null, 26]), await plan('desc', [null, null, 26]), await plan('asc', after), await plan('desc', after)];
    });
    for (const nodes of plans) {
      expect(nodes.map((n) => n['Index Name'])).toContain('IDX_operations_occurred');
      expect(nodes.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name'])).not.toContain('operations');
      expect(nodes.filter((n) => n['Node Type'] === 'Sort')).toEqual([]);
    }
    // The coordinator's pages still hold every institution's operations, newest first.
    const page = (await coordinator.get('/api/operations?limit=5').expect(200)).body;
    const days = page.items.map((o: OperationView) => o.occurredOn);
    expect(days).toEqual([...days].sort().reverse());
  });
});
