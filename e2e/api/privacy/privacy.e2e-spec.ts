import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { CreateCaseResponse, DATA_CATEGORY, ERASURE_LEGAL_BASIS, ErasureRequestView, KEEP_GROUND, RetentionItemView, RetentionQueuePage, STATISTICS_KEPT } from '@ruta/shared';
import { RetentionJob } from '@ruta/privacy';
import { newCaseRequest, ownerQuery } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';
import { newUser, otherAdministrator } from '../../support/user-factory';
import { tablesMatching, withOwner } from '../../support/owner-scan';
import { pdfText, squashed } from '../../support/pdf-text';

jest.setTimeout(120_000);

const YEAR = '2013';
const AMAZONAS = '91001';

/** Every table whose row (as text) holds any of the values, read as the owner past row-level security. */
function tablesHolding(values: string[]): Promise<string[]> {
  const patterns = values.filter((v) => v.length >= 6).map((v) => `%${v.toLowerCase()}%`);
  return withOwner((client) => tablesMatching(client, patterns));
}

/** The stored values (ciphertext or clear, as the database holds them) of a case's identity columns. */
async function storedIdentity(caseId: string): Promise<string[]> {
  const [victim] = await ownerQuery<Record<string, unknown>>(`SELECT * FROM victims WHERE "caseId" = $1`, [caseId]);
  const keep = new Set(['caseId', 'sex', 'nationality', 'updatedAt', 'ownerInstitutionId', 'searchName']);
  const values = Object.entries(victim)
    .filter(([k, v]) => !keep.has(k) && v !== null && !(Array.isArray(v) && v.length === 0))
    .map(([, v]) => (Array.isArray(v) ? v.join(',') : String(v)))
    .filter((v) => v.length >= 8);
  const others = await ownerQuery<{ v: string }>(
    `SELECT body AS v FROM case_notes WHERE "caseId" = $1
     UNION ALL SELECT "fullName" FROM assistance_participants WHERE "caseId" = $1
     UNION ALL SELECT "shelterLocation" FROM victim_locations WHERE "caseId" = $1
     UNION ALL SELECT phone FROM hotline_contacts WHERE "caseId" = $1 AND phone IS NOT NULL
     UNION ALL SELECT "phoneHash" FROM hotline_contacts WHERE "caseId" = $1 AND "phoneHash" IS NOT NULL
     UNION ALL SELECT summary FROM hotline_contacts WHERE "caseId" = $1 AND summary IS NOT NULL
     UNION ALL SELECT e.reason FROM referral_events e JOIN referrals r ON r.id = e."referralId" WHERE r."caseId" = $1 AND e.reason IS NOT NULL`,
    [caseId],
  );
  return [...values, ...others.map((o) => o.v).filter((v) => v && v.length >= 8)];
}

/**
 * How many victims other than the case's hold any of the values (a birth date's blind index is the same for everyone
 * born that day): the scan below must only look for what is this victim's alone.
 */
async function otherVictimsHolding(caseId: string, values: string[]): Promise<number> {
  const [{ n }] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM victims t WHERE "caseId" <> $1 AND lower(t::text) LIKE ANY ($2::text[])`, [
    caseId,
    values.map((v) => `%${v.toLowerCase()}%`),
  ]);
  return n;
}

/**
 * Issue 16, items 4 and 5 (Law 1581 habeas data): a job lists the records whose retention has run out, a reviewer
 * confirms or postpones each; an erasure request needs two approvers other than its recorder; both erase the identity
 * (every column, ciphertext included) while every indicator stays the same; an open proceeding keeps what it needs.
 */
describe('privacy: retention and erasure on request', () => {
  const tag = randomBytes(3).toString('hex');
  // Phone digits of this run (a hex tag may hold letters).
  const digits = String(randomBytes(2).readUInt16BE(0) % 1000).padStart(3, '0');
  let app: INestApplication;
  let supervisor: ApiSession;
  let coordinator: ApiSession;
  let adminOim: ApiSession;
  let operator: ApiSession;
  let outsider: ApiSession;
  let police: ApiSession;
  const cases: Record<'retained' | 'requested' | 'prosecuted', CreateCaseResponse> = {} as never;
  const caseIds: Record<string, string> = {};
  const clearNames: Record<string, string> = {};
  const stored: Record<string, string[]> = {};
  let contactYear: string;
  let before: unknown;

  async function figures() {
    const years = [YEAR, contactYear];
    const out: Record<string, unknown> = {};
    for (const year of years) {
      out[`indicators ${year}`] = (await coordinator.get(`/api/indicators?year=${year}`).expect(200)).body;
      out[`annual ${year}`] = (await coordinator.get(`/api/indicators/annual-report?year=${year}`).expect(200)).body;
      out[`ctdc ${year}`] = (await coordinator.get(`/api/indicators/anonymous-statistics?year=${year}&k=2`).expect(200)).body;
    }
    return out;
  }

  /**
   * Each victim's own birth date: the 30th of a month, which no demo victim has (the demo seed draws days 1 to 28), so
   * that its blind index, one of the values the final scan looks for, is nobody else's. The factory's date depends on
   * the process id and met a demo victim's for 2 of its 97 values (the scan then found the hash in that victim's row).
   */
  const BIRTH_DATES = { retained: '1988-04-30', requested: '1988-06-30', prosecuted: '1988-09-30' };

  async function newCase(key: keyof typeof cases, givenNames: string): Promise<void> {
    const day = `${YEAR}-03-10`;
    const body = newCaseRequest({
      case: { identifiedOn: day, municipalityCode: AMAZONAS },
      screening: { screenedOn: day },
      victim: { givenNames, familyNames: `Retirable ${tag}`, birthDate: BIRTH_DATES[key], phone: `+57 310 ${digits} 4455`, shelterLocation: `Hogar Reservado ${tag} ${key}`, aliases: [`Alias${tag}${key}`] },
      situation: { events: [{ kind: 'exploitation', countryCode: 'CO', municipalityCode: AMAZONAS, startedOn: '2012-06-01' }] },
      consents: [
        { purpose: 'data_processing', grantedBy: 'self', method: 'written', grantedAt: `${day}T10:00:00Z` },
        { purpose: 'anonymous_statistics', grantedBy: 'self', method: 'written', grantedAt: `${day}T10:00:00Z` },
      ],
    });
    const created = await supervisor.post('/api/cases', body);
    if (created.status !== 201) throw new Error(`case: ${created.status} ${JSON.stringify(created.body)}`);
    cases[key] = created.body;
    caseIds[key] = (await ownerQuery<{ id: string }>(`SELECT id FROM cases WHERE code = $1`, [created.body.case.code]))[0].id;
    clearNames[key] = givenNames;
    const code = created.body.case.code;
    await supervisor.post(`/api/cases/${code}/notes`, { body: `Relato reservado ${tag} ${key}: teme represalias` }).expect(201);
    await supervisor.post(`/api/cases/${code}/assistance/participants`, { fullName: `Madre Ficticia ${tag}${key}`, relation: 'parent', sex: 'female', ageBand: '39-47' }).expect(201);
    // A referral cancelled with a free-text reason (an append-only event row).
    const [police] = await ownerQuery<{ id: string }>(`SELECT id FROM institutions WHERE code = 'policia'`);
    const referral = (await supervisor.post('/api/referrals', { caseCode: code, toInstitutionId: police.id, purpose: 'lodging', urgency: 'urgent', sections: ['summary'] }).expect(201)).body;
    await supervisor.post(`/api/referrals/${referral.id}/transitions`, { version: referral.version, to: 'cancelled', reason: `Motivo reservado ${tag} ${key}` }).expect(200);
  }

  /** The certificate of a carried-out request: the response and the text it shows. */
  async function certificate(id: string, language: 'es' | 'en') {
    const response = await supervisor
      .get(`/api/privacy/erasure-requests/${id}/certificate?language=${language}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    return { response, text: pdfText(response.body as Buffer) };
  }

  /** No name, alias, family name, shelter or tag of this run's victims, whatever the line breaks. */
  function expectNoVictimIn(text: string): void {
    const flat = squashed(text).toLowerCase();
    for (const value of [tag, ...Object.values(clearNames), 'Retirable', 'Persona retirada', 'Hogar Reservado', 'Madre Ficticia']) expect({ value, found: flat.includes(squashed(value).toLowerCase()) }).toEqual({ value, found: false });
  }

  async function queue(session: ApiSession, query = ''): Promise<RetentionQueuePage> {
    return (await session.get(`/api/privacy/retention/items${query}`).expect(200)).body;
  }

  async function allItems(session: ApiSession, status = 'pending'): Promise<RetentionItemView[]> {
    const items: RetentionItemView[] = [];
    let cursor: string | undefined;
    do {
      const page = await queue(session, `?status=${status}&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  beforeAll(async () => {
    app = await createTestApp({ REFERRAL_DEADLINE_CHECK_SECONDS: '0', RUTA_EXPORT_JOB: 'off' });
    [supervisor, operator, police] = await Promise.all([loginAs(app, 'supervisor@oim.demo'), loginAs(app, 'operator@oim.demo'), loginAs(app, 'investigator@policia.demo')]);
    coordinator = await loginAs(app, 'coordinator@mininterior.demo');
    const admin = await loginAs(app, 'admin@mininterior.demo');
    adminOim = await otherAdministrator(app, admin);
    const policeSupervisor = await newUser(app, admin, { role: 'supervisor', institution: 'policia' });
    outsider = await loginAs(app, policeSupervisor.email, policeSupervisor.password);

    await newCase('retained', `Retenida ${tag}`);
    await newCase('requested', `Solicitante ${tag}`);
    await newCase('prosecuted', `Testigo ${tag}`);
    // The retained case closed in mid-2014: ten years later its retention ran out.
    await ownerQuery(`UPDATE cases SET status = 'closed', "closeReason" = 'assistance_completed', "statusChangedAt" = '2014-06-01T17:00:00Z' WHERE id = $1`, [caseIds.retained]);
    // A hotline call linked to the retained case, and one three years ago with no case.
    const call = (startedAt: string) => ({
      channel: 'phone', startedAt, durationSeconds: 120, callerType: 'relative', callType: 'tip', municipalityCode: AMAZONAS, purposes: ['forced_labour'],
      acts: ['recruitment'], means: ['deception'], urgency: 'routine', childInvolved: false, summary: `Llamada reservada ${tag}`, consentToAuthorities: false,
      phone: `+57 300 ${digits} 1122`,
    });
    const linked = (await operator.post('/api/hotline/contacts', call(new Date(Date.now() - 3600_000).toISOString())).expect(201)).body;
    await ownerQuery(`UPDATE hotline_contacts SET "caseId" = $1 WHERE id = $2`, [caseIds.retained, linked.id]);
    const oldCall = new Date(Date.now() - 3 * 366 * 86_400_000);
    contactYear = String(oldCall.getUTCFullYear());
    await operator.post('/api/hotline/contacts', call(oldCall.toISOString())).expect(201);
    // An open criminal proceeding (no defendant has reached a final stage) about the prosecuted case.
    const [fiscalia] = await ownerQuery<{ id: string }>(`SELECT id FROM institutions WHERE code = 'fiscalia'`);
    const [prosecutor] = await ownerQuery<{ id: string }>(`SELECT id FROM users WHERE email = 'prosecutor@fiscalia.demo'`);
    const [proceeding] = await ownerQuery<{ id: string }>(
      `INSERT INTO proceedings ("institutionId", "createdById", nunc, "reportedOn", "municipalityCode", "prosecutorUnit", "prosecutorName", offences, version)
       VALUES ($1, $2, '910016000050201300' || lpad((floor(random() * 999))::int::text, 3, '0'), '2013-04-01', '91001', 'Unidad ficticia', 'Fiscal ficticio', '{trafficking}', 1) RETURNING id`,
      [fiscalia.id, prosecutor.id],
    );
    await ownerQuery(`INSERT INTO proceeding_victims ("proceedingId", "caseId", role) VALUES ($1, $2, 'victim_witness')`, [proceeding.id, caseIds.prosecuted]);
    for (const key of Object.keys(cases)) stored[key] = await storedIdentity(caseIds[key]);
    // What the scan looks for is each victim's alone (else finding it after the erasure proves nothing).
    for (const key of Object.keys(cases)) expect({ key, others: await otherVictimsHolding(caseIds[key], stored[key]) }).toEqual({ key, others: 0 });
    before = await figures();
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('retention', () => {
    let item: RetentionItemView;
    let contactItem: RetentionItemView;

    it('lists what is due into the review queue once, and audits each listing by id', async () => {
      const run = (await supervisor.post('/api/privacy/retention/run').expect(200)).body;
      expect(run).toMatchObject({ ran: true });
      expect(run.listed).toBeGreaterThanOrEqual(2);
      const items = await allItems(supervisor);
      item = items.find((i) => i.code === cases.retained.case.code)!;
      expect(item).toMatchObject({ recordType: 'closed_case', endedOn: '2014-06-01', dueOn: '2024-06-01', status: 'pending' });
      contactItem = items.find((i) => i.recordType === 'hotline_contact' && i.endedOn.startsWith(contactYear))!;
      expect(contactItem).toBeDefined();
      expect(items.some((i) => i.code === cases.requested.case.code)).toBe(false);
      expect((await supervisor.post('/api/privacy/retention/run').expect(200)).body.listed).toBe(0);
      const events = await ownerQuery<{ details: { privacy: string } }>(`SELECT details FROM audit_events WHERE "entityType" = 'case' AND "entityId" = $1 AND action = 'create'`, [caseIds.retained]);
      expect(events.map((e) => e.details.privacy)).toContain('retention_listed');
    });

    it('pages the queue with a total, sorted by due date either way', async () => {
      const first = await queue(supervisor, '?limit=1&sort=due_asc');
      expect(first.total).toBeGreaterThanOrEqual(2);
      expect(first.items).toHaveLength(1);
      const second = await queue(supervisor, `?limit=1&sort=due_asc&cursor=${first.nextCursor}`);
      expect(second.items[0].dueOn >= first.items[0].dueOn).toBe(true);
      const desc = await queue(supervisor, '?limit=1&sort=due_desc');
      expect(desc.items[0].dueOn >= first.items[0].dueOn).toBe(true);
    });

    it("answers 404 for an item outside the reviewer's institution, and 403 without the permission", async () => {
      expect((await allItems(outsider)).some((i) => i.id === item.id)).toBe(false);
      await outsider.post(`/api/privacy/retention/items/${item.id}/confirm`, { version: item.version }).expect(404);
      await police.get('/api/privacy/retention/items').expect(403);
      await police.post(`/api/privacy/retention/items/${item.id}/confirm`, { version: item.version }).expect(403);
    });

    it('postpones only with a reason and a later date, and brings the item back when that date comes', async () => {
      const noReason = await supervisor.post(`/api/privacy/retention/items/${contactItem.id}/postpone`, { version: contactItem.version, reason: 'no', until: '2099-01-01' }).expect(400);
      expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
      const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      const postponed = (await supervisor.post(`/api/privacy/retention/items/${contactItem.id}/postpone`, { version: contactItem.version, reason: 'Investigación disciplinaria en curso', until }).expect(200)).body;
      expect(postponed).toMatchObject({ status: 'postponed', postponedUntil: until, reason: 'Investigación disciplinaria en curso' });
      const run = await app.get(RetentionJob).runOnce(new Date(Date.now() + 31 * 86_400_000));
      expect(run.reopened).toBeGreaterThanOrEqual(1);
      contactItem = (await allItems(supervisor)).find((i) => i.id === contactItem.id)!;
      expect(contactItem.status).toBe('pending');
    });

    it('confirms: a stale version answers 409, then the identity goes and the item is erased', async () => {
      await supervisor.post(`/api/privacy/retention/items/${item.id}/confirm`, { version: item.version + 5 }).expect(409);
      const done = (await supervisor.post(`/api/privacy/retention/items/${item.id}/confirm`, { version: item.version }).expect(200)).body;
      expect(done.status).toBe('erased');
      await supervisor.post(`/api/privacy/retention/items/${item.id}/confirm`, { version: done.version }).expect(409);
      const detail = (await supervisor.get(`/api/cases/${cases.retained.case.code}`).expect(200)).body;
      expect(detail.victim.givenNames).toMatch(/^Persona retirada \d{3,}$/);
      // The view leaves out what is empty.
      for (const field of ['familyNames', 'birthDate', 'documentNumber', 'phone', 'email', 'currentLocation']) expect({ field, value: detail.victim[field] ?? null }).toEqual({ field, value: null });
      expect(detail.victim.aliases ?? []).toEqual([]);
      expect(detail.victim.shelterLocation ?? null).toBeNull();
      expect(detail.victim.sex).toBe('female');
      const notes = (await supervisor.get(`/api/cases/${cases.retained.case.code}/notes`).expect(200)).body;
      expect(notes.every((n: { body: string }) => n.body === '')).toBe(true);
      const [contact] = await ownerQuery<{ phone: string | null; phoneHash: string | null; summary: string | null }>(`SELECT phone, "phoneHash", summary FROM hotline_contacts WHERE "caseId" = $1`, [caseIds.retained]);
      expect(contact).toEqual({ phone: null, phoneHash: null, summary: null });
      const [relative] = await ownerQuery<{ fullName: string }>(`SELECT "fullName" FROM assistance_participants WHERE "caseId" = $1`, [caseIds.retained]);
      expect(relative.fullName).toBe('Familiar retirado 1');
      const events = await ownerQuery<{ action: string; details: Record<string, unknown> }>(`SELECT action, details FROM audit_events WHERE "entityId" = $1 AND details->>'privacy' IS NOT NULL ORDER BY "occurredAt"`, [caseIds.retained]);
      expect(events.map((e) => e.details.privacy)).toEqual(expect.arrayContaining(['retention_listed', 'retention_erased', 'retention_confirmed']));
      expect(JSON.stringify(events)).not.toContain(tag);
    });

    it('erases a hotline caller without a case', async () => {
      const done = (await supervisor.post(`/api/privacy/retention/items/${contactItem.id}/confirm`, { version: contactItem.version }).expect(200)).body;
      expect(done.status).toBe('erased');
      const [contact] = await ownerQuery(`SELECT phone, "phoneHash", summary FROM hotline_contacts h JOIN privacy_retention_items i ON i."hotlineContactId" = h.id WHERE i.id = $1`, [contactItem.id]);
      expect(contact).toEqual({ phone: null, phoneHash: null, summary: null });
    });
  });

  describe('erasure on request', () => {
    let request: ErasureRequestView;
    const body = () => ({ caseCode: cases.requested.case.code, legalBasis: 'law_1581_art_15', requester: 'data_subject', reason: 'La titular pide suprimir sus datos al terminar la asistencia', receivedOn: '2026-11-20' });

    it('is recorded only for a case in the recorder’s scope (404 outside it)', async () => {
      await outsider.post('/api/privacy/erasure-requests', body()).expect(404);
      const invalid = await supervisor.post('/api/privacy/erasure-requests', { ...body(), legalBasis: 'because', reason: '' }).expect(400);
      expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['legalBasis', 'reason']);
      request = (await supervisor.post('/api/privacy/erasure-requests', body()).expect(201)).body;
      expect(request).toMatchObject({ status: 'pending', recordedByMe: true, approvals: [], caseCode: cases.requested.case.code });
      await supervisor.post('/api/privacy/erasure-requests', body()).expect(409);
      await outsider.get(`/api/privacy/erasure-requests/${request.id}`).expect(404);
    });

    it('needs two different approvers, neither the recorder; a single approval cannot be carried out', async () => {
      expect((await supervisor.post(`/api/privacy/erasure-requests/${request.id}/approve`, { version: request.version }).expect(409)).body.code).toBe('erasure_own_request');
      request = (await adminOim.post(`/api/privacy/erasure-requests/${request.id}/approve`, { version: request.version }).expect(200)).body;
      expect(request).toMatchObject({ status: 'pending', approvals: [expect.objectContaining({ approverName: expect.any(String) })] });
      expect((await adminOim.post(`/api/privacy/erasure-requests/${request.id}/carry-out`, { version: request.version }).expect(409)).body.code).toBe('erasure_needs_two_approvals');
      expect((await adminOim.post(`/api/privacy/erasure-requests/${request.id}/approve`, { version: request.version }).expect(409)).body.code).toBe('erasure_already_approved_by_you');
      await coordinator.post(`/api/privacy/erasure-requests/${request.id}/approve`, { version: request.version - 1 }).expect(409);
      request = (await coordinator.post(`/api/privacy/erasure-requests/${request.id}/approve`, { version: request.version }).expect(200)).body;
      expect(request.status).toBe('approved');
      expect(request.approvals).toHaveLength(2);
      await supervisor.get(`/api/privacy/erasure-requests/${request.id}/certificate`).expect(409);
    });

    it('carries out the erasure and certifies it, naming categories, never the person', async () => {
      request = (await supervisor.post(`/api/privacy/erasure-requests/${request.id}/carry-out`, { version: request.version }).expect(200)).body;
      expect(request.status).toBe('carried_out');
      expect(request.kept).toEqual([]);
      expect(request.erased).toEqual(expect.arrayContaining(['victim_identity', 'victim_contacts', 'notes', 'documents', 'relatives']));
      const { response: pdf, text } = await certificate(request.id, 'es');
      expect(pdf.headers['content-type']).toContain('application/pdf');
      expect(pdf.headers['content-disposition']).toBe(`attachment; filename="certificado-supresion-${cases.requested.case.code}.pdf"`);
      const bytes = (pdf.body as Buffer).toString('latin1');
      expect(bytes.startsWith('%PDF')).toBe(true);
      expect(bytes).not.toContain(tag);
      // What the certificate says (its streams inflated): the case, the legal basis, every category erased, nothing kept.
      const shown = squashed(text);
      expect(shown).toContain(squashed('Certificado de supresión de datos personales'));
      expect(shown).toContain(squashed(`del caso ${cases.requested.case.code}, conforme a la Ley 1581 de 2012`));
      expect(shown).toContain(squashed(ERASURE_LEGAL_BASIS.labels.law_1581_art_15.es));
      expect(shown).toContain(squashed('Datos suprimidos'));
      for (const category of request.erased) expect(shown).toContain(squashed(DATA_CATEGORY.labels[category].es));
      expect(shown).toContain(squashed('Datos conservados por ley, y por qué'));
      expect(shown).toContain(squashed('Ningún dato identificativo se conserva.'));
      expect(shown).toContain(squashed(STATISTICS_KEPT.es));
      expect(shown).not.toContain(squashed(KEEP_GROUND.labels.open_proceeding.es));
      expectNoVictimIn(text);
      const english = (await certificate(request.id, 'en')).text;
      expect(squashed(english)).toContain(squashed('Certificate of erasure of personal data'));
      for (const category of request.erased) expect(squashed(english)).toContain(squashed(DATA_CATEGORY.labels[category].en));
      expectNoVictimIn(english);
      const detail = (await supervisor.get(`/api/cases/${cases.requested.case.code}`).expect(200)).body;
      expect(detail.victim.givenNames).toMatch(/^Persona retirada \d{3,}$/);
      const actions = await ownerQuery<{ action: string }>(`SELECT action FROM audit_events WHERE "entityId" = $1 AND details->>'erasureRequestId' = $2 ORDER BY "occurredAt"`, [caseIds.requested, request.id]);
      expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['change_requested', 'change_approved', 'change_approved', 'delete', 'export']));
      await supervisor.post(`/api/privacy/erasure-requests/${request.id}/carry-out`, { version: request.version }).expect(409);
    });

    it('keeps what an open criminal proceeding needs, and says why', async () => {
      const status = (await supervisor.get(`/api/privacy/cases/${cases.prosecuted.case.code}`).expect(200)).body;
      expect(status.openProceeding).toBe(true);
      let open: ErasureRequestView = (await supervisor.post('/api/privacy/erasure-requests', { ...body(), caseCode: cases.prosecuted.case.code }).expect(201)).body;
      open = (await adminOim.post(`/api/privacy/erasure-requests/${open.id}/approve`, { version: open.version }).expect(200)).body;
      open = (await coordinator.post(`/api/privacy/erasure-requests/${open.id}/approve`, { version: open.version }).expect(200)).body;
      open = (await supervisor.post(`/api/privacy/erasure-requests/${open.id}/carry-out`, { version: open.version }).expect(200)).body;
      expect(open.kept).toEqual([
        { category: 'victim_identity', ground: 'open_proceeding' },
        { category: 'documents', ground: 'open_proceeding' },
      ]);
      expect(open.erased).not.toContain('victim_identity');
      // The certificate says what was kept and why, and still names nobody.
      const { text } = await certificate(open.id, 'es');
      const shown = squashed(text);
      for (const kept of open.kept) expect(shown).toContain(squashed(`${DATA_CATEGORY.labels[kept.category].es}: ${KEEP_GROUND.labels[kept.ground].es}`));
      expect(shown).not.toContain(squashed('Ningún dato identificativo se conserva.'));
      for (const category of open.erased) expect(shown).toContain(squashed(DATA_CATEGORY.labels[category].es));
      expect(shown.indexOf(squashed(DATA_CATEGORY.labels.victim_identity.es))).toBeGreaterThan(shown.indexOf(squashed('Datos conservados por ley')));
      expectNoVictimIn(text);
      const detail = (await supervisor.get(`/api/cases/${cases.prosecuted.case.code}`).expect(200)).body;
      expect(detail.victim.givenNames).toBe(clearNames.prosecuted);
      expect(detail.victim.phone ?? null).toBeNull();
      expect(detail.victim.familyNames).toBe(`Retirable ${tag}`);
      expect(detail.victim.shelterLocation ?? null).toBeNull();
      const notes = (await supervisor.get(`/api/cases/${cases.prosecuted.case.code}/notes`).expect(200)).body;
      expect(notes.every((n: { body: string }) => n.body === '')).toBe(true);
    });

    it('lists the requests with a total, newest first or oldest first', async () => {
      const page = (await supervisor.get('/api/privacy/erasure-requests?limit=1').expect(200)).body;
      expect(page.total).toBe(2);
      expect(page.items).toHaveLength(1);
      const next = (await supervisor.get(`/api/privacy/erasure-requests?limit=1&cursor=${page.nextCursor}`).expect(200)).body;
      expect(next.items[0].createdAt <= page.items[0].createdAt).toBe(true);
      const oldest = (await supervisor.get('/api/privacy/erasure-requests?limit=1&sort=created_asc').expect(200)).body;
      expect(oldest.items[0].id).toBe(next.items[0].id);
      expect((await outsider.get('/api/privacy/erasure-requests').expect(200)).body.total).toBe(0);
    });
  });

  describe('what stays', () => {
    it('keeps the indicators, the annual report and the CTDC export equal before and after', async () => {
      expect(await figures()).toEqual(before);
    });

    it("leaves none of the erased victims' stored identity in any column of any table", async () => {
      for (const key of ['retained', 'requested'] as const) {
        expect(stored[key].length).toBeGreaterThan(3);
        expect({ key, tables: await tablesHolding([...stored[key], clearNames[key], `Alias${tag}${key}`, `Madre Ficticia ${tag}${key}`, `Motivo reservado ${tag} ${key}`]) }).toEqual({ key, tables: [] });
      }
      // The scan finds what is still there: the prosecuted case keeps its victim's name for the proceeding.
      expect(await tablesHolding(stored.prosecuted.slice(0, 1))).toContain('victims');
    });
  });
});
