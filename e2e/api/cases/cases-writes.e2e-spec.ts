import { INestApplication } from '@nestjs/common';
import { CreateCaseResponse, XSRF_HEADER } from '@ruta/shared';
import { caseTableCounts, newCaseRequest } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00'), Buffer.alloc(512)]);

describe('cases: validation, optimistic locking, status machine, documents, notes, consents', () => {
  let app: INestApplication;
  let police: ApiSession;
  let das: ApiSession;

  beforeAll(async () => {
    app = await createTestApp();
    [police, das] = await Promise.all([loginAs(app, 'investigator@policia.demo'), loginAs(app, 'investigator@das.demo')]);
  });
  afterAll(async () => {
    await app.close();
  });

  async function createCase(): Promise<CreateCaseResponse> {
    return (await police.post('/api/cases', newCaseRequest()).expect(201)).body;
  }

  function upload(session: ApiSession, code: string, content: Buffer, filename: string, kind = 'consent_form') {
    // multipart through the same agent (cookies) with the anti-forgery header
    const agent = session.post(`/api/cases/${code}/documents`);
    return agent.unset('Content-Type').field('kind', kind).attach('file', content, { filename, contentType: 'application/pdf' });
  }

  describe('bad input is refused with field messages and nothing is written', () => {
    const invalid: [string, object, string[]][] = [
      ['a wrong enum', newCaseRequest({ case: { source: 'rumour' } }), ['case.source']],
      ['a wrong enum inside a multi-select', newCaseRequest({ situation: { purposes: ['forced_labour', 'smuggling'] } }), ['situation.purposes']],
      ['a future birth date', newCaseRequest({ victim: { birthDate: '2099-01-01' } }), ['victim.birthDate']],
      ['an impossible date', newCaseRequest({ victim: { birthDate: '2001-02-30' } }), ['victim.birthDate']],
      ['an unknown field', { ...newCaseRequest(), hacked: true }, ['hacked']],
      ['an unknown nested field', newCaseRequest({ victim: { favouriteColour: 'blue' } }), ['victim.favouriteColour']],
      ['a bad DIVIPOLA municipality', newCaseRequest({ case: { municipalityCode: '99999' } }), ['case.municipalityCode']],
      ['a municipality outside its department', newCaseRequest({ case: { departmentCode: '05', municipalityCode: '11001' } }), ['case.municipalityCode']],
      ['a DIVIPOLA code abroad', newCaseRequest({ situation: { purposes: ['forced_labour'], events: [{ kind: 'transit', countryCode: 'EC', municipalityCode: '05001' }] } }), ['situation.events.0.departmentCode']],
      ['a city in Colombia (the municipality says it)', newCaseRequest({ situation: { purposes: ['forced_labour'], events: [{ kind: 'transit', countryCode: 'CO', city: 'Cali' }] } }), ['situation.events.0.city']],
      ['a city with markup', newCaseRequest({ situation: { purposes: ['forced_labour'], events: [{ kind: 'transit', countryCode: 'ES', city: '<b>Madrid</b>' }] } }), ['situation.events.0.city']],
      ['an unknown country', newCaseRequest({ victim: { nationality: 'XX' } }), ['victim.nationality']],
      ['a missing victim', { ...newCaseRequest(), victim: undefined }, ['victim']],
      ['a sharing consent without institution', newCaseRequest({ consents: [{ purpose: 'sharing', grantedBy: 'self', method: 'written', grantedAt: '2026-01-15T10:00:00Z' }] }), ['consents.0.institutionId']],
      ['a birth date and an estimated age', newCaseRequest({ victim: { estimatedAge: 30 } }), ['victim.estimatedAge']],
    ];

    it.each(invalid)('refuses %s', async (_label, body, fields) => {
      const before = await caseTableCounts();
      const response = await police.post('/api/cases', body).expect(400);
      expect(response.body.code).toBe('validation_failed');
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(fields));
      expect(await caseTableCounts()).toEqual(before);
    });

    it('keeps the city of a place abroad and gives it back with the event', async () => {
      const response = await police.post('/api/cases', newCaseRequest({ situation: { purposes: ['forced_labour'], events: [{ kind: 'exploitation', countryCode: 'ES', city: 'Madrid' }] } })).expect(201);
      expect(response.body.case.events).toEqual([expect.objectContaining({ kind: 'exploitation', countryCode: 'ES', city: 'Madrid', departmentName: null, municipalityName: null })]);
    });

    it('never requires Palermo means: an empty means list is a valid intake', async () => {
      const response = await police.post('/api/cases', newCaseRequest({ screening: { means: [] }, situation: { purposes: ['sexual_exploitation'], meansOfControl: [] } })).expect(201);
      expect(response.body.case.meansOfControl).toEqual([]);
    });

    it('refuses an 11 MB file with 413 and writes nothing', async () => {
      const { case: created } = await createCase();
      const before = await caseTableCounts();
      const response = await upload(police, created.code, Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]), 'big.pdf');
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({ code: 'file_too_large', errors: [{ field: 'file', code: 'maxSize' }] });
      expect(await caseTableCounts()).toEqual(before);
    });

    it('refuses a Windows executable renamed .pdf with 400 and writes nothing', async () => {
      const { case: created } = await createCase();
      const before = await caseTableCounts();
      const response = await upload(police, created.code, EXE, 'consentimiento.pdf').expect(400);
      expect(response.body.errors).toEqual([{ field: 'file', code: 'unsupported_type', message: expect.any(String) }]);
      expect(await caseTableCounts()).toEqual(before);
    });

    it('refuses an unknown document kind and a missing file', async () => {
      const { case: created } = await createCase();
      const badKind = await upload(police, created.code, PDF, 'a.pdf', 'selfie').expect(400);
      expect(badKind.body.errors[0].field).toBe('kind');
      const missing = await police.post(`/api/cases/${created.code}/documents`).field('kind', 'other').expect(400);
      expect(missing.body.errors[0]).toMatchObject({ field: 'file', code: 'required' });
    });
  });

  describe('optimistic locking', () => {
    it('lets exactly one of two concurrent edits of the same version win; the other gets 409 with what changed', async () => {
      const { case: created } = await createCase();
      const [a, b] = await Promise.all([
        police.patch(`/api/cases/${created.code}`, { version: created.version, source: 'hotline' }),
        police.patch(`/api/cases/${created.code}`, { version: created.version, labourSector: 'mining_or_drilling' }),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      const winner = a.status === 200 ? a : b;
      expect(loser.body.code).toBe('stale_version');
      expect(loser.body.errors[0]).toMatchObject({ field: 'version', code: 'stale_version' });
      const changedField = winner === a ? 'source' : 'labourSector';
      expect(loser.body.errors.map((e: { field: string }) => e.field)).toContain(changedField);
      // RFC 9457 extension members: what the client reads to explain the conflict.
      expect(loser.body).toMatchObject({ currentVersion: created.version + 1, editedVersion: created.version, changedFields: [changedField] });
      const detail = await police.get(`/api/cases/${created.code}`).expect(200);
      expect(detail.body.version).toBe(created.version + 1);
      // No lost update: the winner's change is there, the loser's is not.
      if (winner === a) expect(detail.body).toMatchObject({ source: 'hotline', labourSector: 'agriculture' });
      else expect(detail.body).toMatchObject({ source: 'police_operation', labourSector: 'mining_or_drilling' });
    });

    it('audits an update with field names and safe before/after values, and masks identity edits', async () => {
      const { case: created } = await createCase();
      const edited = await police.patch(`/api/cases/${created.code}`, { version: created.version, source: 'ngo', identifiedOn: '2026-01-10' }).expect(200);
      const victim = await police.patch(`/api/cases/${created.code}/victim`, { version: edited.body.version, familyNames: 'Secreta', birthDate: '2010-01-01' }).expect(200);
      expect(victim.body).toMatchObject({ minorAtIdentification: true, childWelfareFlag: true, ageBand: '9-17', victim: { familyNames: 'Secreta' } });
      const timeline = await police.get(`/api/cases/${created.code}/timeline`).expect(200);
      const audits = timeline.body.filter((e: { kind: string }) => e.kind === 'audit');
      expect(audits.find((e: { action: string; details: { fields?: string[] } }) => e.action === 'update' && e.details.fields?.includes('source')).details.changes).toEqual({ source: { from: 'police_operation', to: 'ngo' } });
      const identityEvent = audits.find((e: { details: { section?: string } }) => e.details.section === 'victim');
      expect(identityEvent.details.fields).toEqual(expect.arrayContaining(['victim.familyNames', 'victim.birthDate']));
      expect(JSON.stringify(timeline.body)).not.toMatch(/Secreta|2010-01-01/);
      const stale = await police.patch(`/api/cases/${created.code}/victim`, { version: edited.body.version, givenNames: 'Otra' }).expect(409);
      expect(stale.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['version', 'victim.familyNames']));
    });
  });

  describe('status machine', () => {
    it('records every transition with who and when, suspends and resumes, and closes with a reason', async () => {
      const { case: created } = await createCase();
      let version = created.version;
      const move = async (body: object, status = 200) => {
        const response = await police.post(`/api/cases/${created.code}/transitions`, { version, ...body }).expect(status);
        if (status === 200) version = response.body.version;
        return response;
      };
      await move({ to: 'immediate_assistance' });
      await move({ to: 'suspended', suspensionReason: 'victim_unreachable' });
      const refused = await move({ to: 'follow_up' }, 409);
      expect(refused.body.code).toBe('transition_not_allowed');
      await move({ to: 'immediate_assistance' });
      const noReason = await move({ to: 'closed' }, 400);
      expect(noReason.body.errors[0].field).toBe('closeReason');
      const closed = await move({ to: 'closed', closeReason: 'referred_elsewhere' });
      expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'referred_elsewhere', allowedTransitions: ['screening', 'follow_up'] });
      await police.post(`/api/cases/${created.code}/transitions`, { version: version - 1, to: 'follow_up' }).expect(409);
      const timeline = await police.get(`/api/cases/${created.code}/timeline`).expect(200);
      const moves = timeline.body.filter((e: { kind: string }) => e.kind === 'status').map((e: { action: string }) => e.action);
      expect(moves).toEqual(['immediate_assistance>closed', 'suspended>immediate_assistance', 'immediate_assistance>suspended', 'received>immediate_assistance', '>received']);
      expect(timeline.body.find((e: { kind: string }) => e.kind === 'status').actor.name).toMatch(/Inés/);
    });

    it('rules a case out and records the deciding institution', async () => {
      const { case: created } = await createCase();
      const screening = await police.post(`/api/cases/${created.code}/transitions`, { version: created.version, to: 'screening' }).expect(200);
      const ruledOut = await police.post(`/api/cases/${created.code}/transitions`, { version: screening.body.version, to: 'ruled_out' }).expect(200);
      expect(ruledOut.body).toMatchObject({ traffickingStatus: 'ruled_out', traffickingStatusDecidedBy: { code: 'policia' } });
    });
  });

  describe('documents', () => {
    it('stores a PDF and a PNG, lists them, and downloads as an attachment named by id with the sniffed type', async () => {
      const { case: created } = await createCase();
      const pdf = await upload(police, created.code, PDF, 'Consentimiento de José Pérez.pdf').expect(201);
      expect(pdf.body).toMatchObject({ kind: 'consent_form', contentType: 'application/pdf', sizeBytes: PDF.length });
      const png = await upload(police, created.code, PNG, 'foto.pdf', 'photo').expect(201);
      expect(png.body.contentType).toBe('image/png');
      const list = await police.get(`/api/cases/${created.code}/documents`).expect(200);
      expect(list.body).toHaveLength(2);
      const download = await police.get(`/api/cases/${created.code}/documents/${pdf.body.id}/content`).buffer(true).parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      }).expect(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition']).toBe(`attachment; filename="${pdf.body.id}.pdf"`);
      expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
      await das.get(`/api/cases/${created.code}/documents/${pdf.body.id}/content`).expect(404);
      await upload(das, created.code, PDF, 'x.pdf').expect(404);
    });
  });

  describe('notes', () => {
    it('shows a restricted note only inside the author institution', async () => {
      const supervisor = await loginAs(app, 'supervisor@oim.demo');
      const created = (await supervisor.post('/api/cases', newCaseRequest()).expect(201)).body.case;
      await supervisor.post(`/api/cases/${created.code}/notes`, { body: 'Nota abierta', restricted: false }).expect(201);
      const notes = await supervisor.post(`/api/cases/${created.code}/notes`, { body: 'Nota reservada', restricted: true }).expect(201);
      expect(notes.body.map((n: { body: string }) => n.body)).toEqual(expect.arrayContaining(['Nota abierta', 'Nota reservada']));
      const assign = await supervisor.post(`/api/cases/${created.code}/assignments`, { userId: (await (await loginAs(app, 'caseworker@oim.demo')).get('/api/auth/me')).body.id }).expect(200);
      expect(assign.body).toHaveLength(1);
      const caseworker = await loginAs(app, 'caseworker@oim.demo');
      const seen = await caseworker.get(`/api/cases/${created.code}/notes`).expect(200);
      expect(seen.body).toHaveLength(2);
      await supervisor.post(`/api/cases/${created.code}/assignments`, { userId: (await police.get('/api/auth/me')).body.id }).expect(400);
    });
  });

  describe('consents', () => {
    it('records and revokes consent per purpose; sharing names an institution', async () => {
      const { case: created } = await createCase();
      const institutions = (await police.get('/api/institutions').expect(200)).body;
      const icbf = institutions.find((i: { code: string }) => i.code === 'icbf');
      const list = await police.post(`/api/cases/${created.code}/consents`, { purpose: 'sharing', institutionId: icbf.id, grantedBy: 'self', method: 'written', grantedAt: '2026-02-01' }).expect(201);
      const sharing = list.body.find((c: { purpose: string }) => c.purpose === 'sharing');
      expect(sharing).toMatchObject({ institution: { code: 'icbf' }, valid: true });
      const revoked = await police.post(`/api/cases/${created.code}/consents/${sharing.id}/revoke`).expect(200);
      expect(revoked.body.find((c: { id: string }) => c.id === sharing.id)).toMatchObject({ valid: false, revokedAt: expect.any(String) });
      await police.post(`/api/cases/${created.code}/consents/${sharing.id}/revoke`).expect(409);
      await police.post(`/api/cases/${created.code}/consents`, { purpose: 'services', grantedBy: 'self', method: 'verbal', grantedAt: '2099-01-01' }).expect(400);
    });
  });

  describe('saved filters and places', () => {
    it('keeps saved filters per user and refuses a name or document number in them', async () => {
      const saved = await police.post('/api/saved-filters', { name: 'Menores en Bogotá', filters: { minor: true, departmentCode: '11', status: ['received'] } }).expect(201);
      await police.post('/api/saved-filters', { name: 'Con nombre', filters: { name: 'jose' } }).expect(400);
      expect((await police.get('/api/saved-filters').expect(200)).body.map((f: { name: string }) => f.name)).toContain('Menores en Bogotá');
      expect((await das.get('/api/saved-filters').expect(200)).body).toEqual([]);
      await das.patch(`/api/saved-filters/${saved.body.id}`, { version: 1, name: 'robado' }).expect(404);
      const renamed = await police.patch(`/api/saved-filters/${saved.body.id}`, { version: saved.body.version, name: 'Menores' }).expect(200);
      expect(renamed.body).toMatchObject({ name: 'Menores', version: saved.body.version + 1 });
      await police.delete(`/api/saved-filters/${saved.body.id}`).expect(204);
    });

    it('lists the 33 DIVIPOLA departments, their municipalities, and ISO countries in Spanish and English', async () => {
      const departments = (await police.get('/api/places/departments').expect(200)).body;
      expect(departments).toHaveLength(33);
      expect(departments).toContainEqual({ code: '88', name: 'Archipiélago de San Andrés, Providencia y Santa Catalina' });
      const antioquia = (await police.get('/api/places/departments/05/municipalities').expect(200)).body;
      expect(antioquia).toContainEqual({ code: '05001', name: 'Medellín', departmentCode: '05' });
      await police.get('/api/places/departments/00/municipalities').expect(404);
      const all = (await police.get('/api/places/municipalities').expect(200)).body as { code: string; departmentCode: string }[];
      expect(all).toHaveLength(1122);
      expect(all).toContainEqual({ code: '76001', name: 'Santiago de Cali', departmentCode: '76' });
      expect(all.every((m) => m.code.startsWith(m.departmentCode))).toBe(true);
      const countries = (await police.get('/api/places/countries').expect(200)).body;
      expect(countries).toContainEqual({ code: 'CO', nameEs: 'Colombia', nameEn: 'Colombia' });
      expect(countries.find((c: { code: string }) => c.code === 'DE')).toMatchObject({ nameEs: 'Alemania', nameEn: 'Germany' });
    });
  });

  it('keeps the anti-forgery check on uploads', async () => {
    const { case: created } = await createCase();
    const response = await police.post(`/api/cases/${created.code}/documents`).set(XSRF_HEADER, 'wrong').field('kind', 'other').attach('file', PDF, 'a.pdf');
    expect(response.status).toBe(403);
  });
});
