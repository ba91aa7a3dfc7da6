import { INestApplication } from '@nestjs/common';
import { CaseLinksView, CreateCaseResponse, IncomingLinkRequestView } from '@ruta/shared';
import { newCaseRequest, ownerQuery } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';
import { asAppRole, sessionWithRole } from '../../support/app-role';

/** A document number no other test file uses. */
function documentNumber(suffix: string): string {
  return `LK-${process.pid % 10000}-${Date.now() % 1_000_000}-${suffix}`;
}

describe('case link requests: ask the institution holding a possible duplicate to link, without identity leaks', () => {
  let app: INestApplication;
  let police: ApiSession;
  let das: ApiSession;
  let fiscalia: ApiSession;
  let institutions: Record<string, string>;
  let dasCase: CreateCaseResponse;
  let policeCase: CreateCaseResponse;
  let incoming: IncomingLinkRequestView;
  const document = documentNumber('A');
  const dasVictim = { givenNames: 'Rigoberta', familyNames: 'Ficticia Enlace', documentNumber: document };

  beforeAll(async () => {
    app = await createTestApp();
    [police, das, fiscalia] = await Promise.all([
      loginAs(app, 'investigator@policia.demo'),
      loginAs(app, 'investigator@das.demo'),
      loginAs(app, 'prosecutor@fiscalia.demo'),
    ]);
    const rows = await ownerQuery<{ code: string; id: string }>(`SELECT code, id FROM institutions WHERE code IN ('policia', 'das', 'fiscalia')`);
    institutions = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    dasCase = (await das.post('/api/cases', newCaseRequest({ victim: dasVictim })).expect(201)).body;
    policeCase = (await police.post('/api/cases', newCaseRequest({ victim: { documentNumber: document } })).expect(201)).body;
  });
  afterAll(async () => {
    await app.close();
  });

  it('shows the police investigator only that a possible duplicate exists at DAS, at intake and on the case', async () => {
    const hint = { institution: expect.objectContaining({ code: 'das' }), matchedOn: 'document', code: null };
    expect(policeCase.duplicates).toEqual(expect.arrayContaining([hint]));
    const again = await police.get(`/api/cases/${policeCase.case.code}/duplicates`).expect(200);
    expect(again.body).toEqual(expect.arrayContaining([hint]));
    expect(JSON.stringify(again.body)).not.toContain(dasCase.case.code);
    expect(JSON.stringify(again.body)).not.toMatch(/Rigoberta|Enlace/);
    // A coordinator sees cases pseudonymised: matches derived from identity would link pseudonyms, so none.
    const coordinator = await loginAs(app, 'coordinator@mininterior.demo');
    expect((await coordinator.get(`/api/cases/${policeCase.case.code}/duplicates`).expect(200)).body).toEqual([]);
  });

  it('refuses bad link requests with field messages', async () => {
    const path = `/api/cases/${policeCase.case.code}/link-requests`;
    const malformed = await police.post(path, { institutionId: 'das', matchedOn: 'dna', extra: true }).expect(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['institutionId', 'matchedOn', 'extra']));
    const own = await police.post(path, { institutionId: institutions.policia, matchedOn: 'document' }).expect(400);
    expect(own.body.errors[0]).toMatchObject({ field: 'institutionId', code: 'own_institution' });
    const nothingThere = await police.post(path, { institutionId: institutions.fiscalia, matchedOn: 'document' }).expect(400);
    expect(nothingThere.body.errors[0]).toMatchObject({ field: 'institutionId', code: 'no_possible_duplicate' });
  });

  it('lets the police investigator ask DAS to link, once, and shows the request without the other case', async () => {
    const path = `/api/cases/${policeCase.case.code}/link-requests`;
    const sent = await police.post(path, { institutionId: institutions.das, matchedOn: 'document' }).expect(201);
    const view: CaseLinksView = sent.body;
    expect(view.links).toEqual([]);
    expect(view.requests).toEqual([expect.objectContaining({ status: 'pending', matchedOn: 'document', targetInstitution: expect.objectContaining({ code: 'das' }), declineReason: null })]);
    expect(JSON.stringify(view)).not.toContain(dasCase.case.code);
    const twice = await police.post(path, { institutionId: institutions.das, matchedOn: 'document' }).expect(409);
    expect(twice.body.code).toBe('link_request_exists');
  });

  it('shows DAS the request with the requesting code and only its own matching case', async () => {
    const inbox = await das.get('/api/case-link-requests').expect(200);
    incoming = inbox.body.find((r: IncomingLinkRequestView) => r.requestingCaseCode === policeCase.case.code);
    expect(incoming).toMatchObject({ status: 'pending', matchedOn: 'document', requestingInstitution: { code: 'policia' }, matches: [dasCase.case.code], version: 1 });
    const text = JSON.stringify(inbox.body);
    expect(text).not.toContain(document);
    expect(text).not.toContain(policeCase.case.victimName!);
  });

  it('refuses a stale version, a case that does not match, and a malformed decision', async () => {
    const stale = await das.post(`/api/case-link-requests/${incoming.id}/accept`, { version: 7, caseCode: dasCase.case.code }).expect(409);
    expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: 1 });
    const other = (await das.post('/api/cases', newCaseRequest()).expect(201)).body.case.code;
    const notMatch = await das.post(`/api/case-link-requests/${incoming.id}/accept`, { version: 1, caseCode: other }).expect(400);
    expect(notMatch.body.errors[0]).toMatchObject({ field: 'caseCode', code: 'not_a_match' });
    const bad = await das.post(`/api/case-link-requests/${incoming.id}/decline`, { version: 1, reason: 'because' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    await das.post('/api/case-link-requests/not-a-uuid/accept', { version: 1, caseCode: dasCase.case.code }).expect(400);
  });

  it('shows a Fiscalía user nothing: no inbox entry, no links, no decision', async () => {
    const inbox = await fiscalia.get('/api/case-link-requests').expect(200);
    expect(inbox.body.map((r: IncomingLinkRequestView) => r.id)).not.toContain(incoming.id);
    await fiscalia.get(`/api/cases/${policeCase.case.code}/links`).expect(404);
    await fiscalia.get(`/api/cases/${policeCase.case.code}/duplicates`).expect(404);
    await fiscalia.post(`/api/case-link-requests/${incoming.id}/accept`, { version: 1, caseCode: dasCase.case.code }).expect(404);
    await police.post(`/api/case-link-requests/${incoming.id}/accept`, { version: 1, caseCode: dasCase.case.code }).expect(404);
  });

  it('lets DAS accept: a link both sides see, the other code only where the scope reaches it', async () => {
    const accepted = await das.post(`/api/case-link-requests/${incoming.id}/accept`, { version: 1, caseCode: dasCase.case.code.toLowerCase() }).expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', linkedCaseCode: dasCase.case.code, version: 2, matches: [] });
    await das.post(`/api/case-link-requests/${incoming.id}/decline`, { version: 2, reason: 'other' }).expect(409);

    const policeSide = await police.get(`/api/cases/${policeCase.case.code}/links`).expect(200);
    expect(policeSide.body.links).toEqual([{ institution: expect.objectContaining({ code: 'das' }), code: null, linkedAt: expect.any(String) }]);
    expect(policeSide.body.requests[0]).toMatchObject({ status: 'accepted', decidedAt: expect.any(String) });
    expect(JSON.stringify(policeSide.body)).not.toMatch(new RegExp(`${dasCase.case.code}|Rigoberta|Enlace`));

    const dasSide = await das.get(`/api/cases/${dasCase.case.code}/links`).expect(200);
    expect(dasSide.body.links).toEqual([{ institution: expect.objectContaining({ code: 'policia' }), code: null, linkedAt: expect.any(String) }]);
    await fiscalia.get(`/api/cases/${dasCase.case.code}/links`).expect(404);
  });

  it('lets DAS decline with a reason the requester sees', async () => {
    const second = documentNumber('B');
    await das.post('/api/cases', newCaseRequest({ victim: { documentNumber: second } })).expect(201);
    const asker = (await police.post('/api/cases', newCaseRequest({ victim: { documentNumber: second } })).expect(201)).body.case.code;
    await police.post(`/api/cases/${asker}/link-requests`, { institutionId: institutions.das, matchedOn: 'document' }).expect(201);
    const request = (await das.get('/api/case-link-requests').expect(200)).body.find((r: IncomingLinkRequestView) => r.requestingCaseCode === asker);
    const declined = await das.post(`/api/case-link-requests/${request.id}/decline`, { version: request.version, reason: 'not_same_person' }).expect(200);
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'not_same_person' });
    const links = await police.get(`/api/cases/${asker}/links`).expect(200);
    expect(links.body).toMatchObject({ links: [], requests: [{ status: 'declined', declineReason: 'not_same_person' }] });
    // Declined, it may be asked again.
    await police.post(`/api/cases/${asker}/link-requests`, { institutionId: institutions.das, matchedOn: 'document' }).expect(201);
  });

  it('audits every request, read and decision without personal data', async () => {
    const events = await ownerQuery<{ action: string; details: Record<string, unknown> }>(
      `SELECT action, details FROM audit_events WHERE "entityType" = 'case_link_request' AND ("entityId" = $1 OR "entityId" IS NULL) ORDER BY id`,
      [incoming.id],
    );
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'read', 'update']));
    expect(events.find((e) => e.action === 'update')!.details).toMatchObject({ decision: 'accepted', fromVersion: 1, toVersion: 2 });
    expect(JSON.stringify(events)).not.toMatch(new RegExp(`Rigoberta|Enlace|${document}`));
  });

  it('hides link requests and links from other institutions in raw SQL run as the application role', async () => {
    const fiscalia = await sessionWithRole({ institution: 'fiscalia', scope: 'institution', permissions: ['cases:read', 'cases:update'] });
    await asAppRole(fiscalia.token, async (client) => {
      expect((await client.query(`SELECT count(*)::int AS n FROM case_link_requests`)).rows[0].n).toBe(0);
      expect((await client.query(`SELECT count(*)::int AS n FROM case_links`)).rows[0].n).toBe(0);
      expect((await client.query(`SELECT count(*)::int AS n FROM ruta_link_request_matches($1)`, [incoming.id])).rows[0].n).toBe(0);
      const hijack = await client.query(`UPDATE case_link_requests SET status = 'declined', "declineReason" = 'other', "decidedAt" = now() WHERE id = $1`, [incoming.id]);
      expect(hijack.rowCount).toBe(0);
    });
    const police = await sessionWithRole({ institution: 'policia', scope: 'institution', permissions: ['cases:read', 'cases:update'] });
    await asAppRole(police.token, async (client) => {
      expect((await client.query(`SELECT count(*)::int AS n FROM case_link_requests WHERE id = $1`, [incoming.id])).rows[0].n).toBe(1);
      // The requester cannot decide its own request, nor read the other case through the link.
      expect((await client.query(`UPDATE case_link_requests SET "decidedById" = NULL WHERE id = $1`, [incoming.id])).rowCount).toBe(0);
      const other = await client.query(`SELECT c.code FROM case_links l JOIN cases c ON c.id = l."targetCaseId" WHERE l."requestId" = $1`, [incoming.id]);
      expect(other.rowCount).toBe(0);
      await expect(client.query(`DELETE FROM case_links`)).rejects.toThrow(/permission denied|append-only/);
    });
  });
});
