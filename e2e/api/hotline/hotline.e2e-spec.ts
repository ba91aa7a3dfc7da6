import { createHash } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { CaseSearchPage, CreateCaseResponse, HotlineCasePrefill, HotlineContactView, HotlineImportView, HotlineStats, ReferralView } from '@ruta/shared';
import { asAppRole, sessionOf } from '../../support/app-role';
import { newCaseRequest, ownerQuery } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';
import { APP_ROLE } from '@ruta/migrations';
import { HotlineContactsRepository } from '@ruta/server/hotline/contacts/hotline-contacts.repository';
import { TransactionRunner } from '@ruta/server/platform/database/transaction-runner';
import { activeBlindIndexKey, activeFieldCipher, SecretBox } from '@ruta/platform';
import { callerPhoneIndex, encryptCallerPhones } from '@ruta/server/hotline/contacts/caller-phone';
import { FIELD_CIPHER, FieldKeyRing } from '@ruta/server/platform/crypto/field-encryption';
import { fieldKeyStates, loadFieldCipher, verifyFields } from '@ruta/server/platform/crypto/field-keys';
import { FieldCipher } from '@ruta/server/platform/crypto/field-cipher';
import { rotateDataKeys } from '@ruta/server/platform/crypto/data-key-rotation';
import { rowsOf, tablesMatching, withOwner } from '../../support/owner-scan';
import { TEST_SECRET_KEY } from '../../support/test-config';

const PHONE = '+57 300 999 1234';

/**
 * The national hotline end to end: intake with the caller's number sealed and recognised, the consent rule of tips to
 * the police (a child at risk without consent goes, with the ground; an adult without consent does not), converting a
 * call into a case (the case carries the call's fields and its timeline shows the call), the crisis banner, the
 * call-log import (10,000 rows, some invalid, each rejection reported), statistics, and row-level security.
 */
describe('hotline', () => {
  let app: INestApplication;
  let operator: ApiSession;
  let police: ApiSession;
  let institutions: Record<string, string>;

  function call(overrides: object = {}) {
    return {
      channel: 'phone',
      startedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      durationSeconds: 240,
      callerType: 'relative',
      callType: 'tip',
      municipalityCode: '05001',
      purposes: ['sexual_exploitation'],
      acts: ['recruitment'],
      means: ['deception'],
      urgency: 'urgent',
      childInvolved: false,
      summary: 'Una prima fue captada con una oferta de trabajo falsa.',
      consentToAuthorities: false,
      phone: PHONE,
      ...overrides,
    };
  }

  async function logCall(overrides: object = {}): Promise<HotlineContactView> {
    return (await operator.post('/api/hotline/contacts', call(overrides)).expect(201)).body;
  }

  async function newCase(): Promise<CreateCaseResponse> {
    return (await operator.post('/api/cases', newCaseRequest()).expect(201)).body;
  }

  beforeAll(async () => {
    app = await createTestApp();
    institutions = Object.fromEntries((await ownerQuery<{ code: string; id: string }>(`SELECT code, id FROM institutions`)).map((r) => [r.code, r.id]));
    [operator, police] = await Promise.all([loginAs(app, 'operator@oim.demo'), loginAs(app, 'investigator@policia.demo')]);
  });
  afterAll(async () => {
    await app.close();
  });

  describe('intake', () => {
    it('records a call with its number encrypted and blind-indexed, never readable, and recognises the repeat caller', async () => {
      const first = await logCall();
      expect(first).toMatchObject({ status: 'open', callType: 'tip', departmentCode: '05', municipalityCode: '05001', hasPhone: true, earlierContacts: 0 });
      expect(first.code).toMatch(/^LN-\d{4}-\d{6}$/);
      expect(first).not.toHaveProperty('phone');
      expect(JSON.stringify(first)).not.toMatch(/999\D*1234/);
      const again = await logCall({ phone: '3009991234', startedAt: new Date().toISOString() });
      expect(again.earlierContacts).toBe(1);

      const [row] = await ownerQuery<{ phone: string; phoneHash: string }>(`SELECT phone, "phoneHash" FROM hotline_contacts WHERE id = $1`, [first.id]);
      expect(row.phone).toMatch(/^enc:/);
      expect(activeFieldCipher().decryptText('hotline_contacts', 'phone', row.phone)).toBe('573009991234');
      expect(row.phone + row.phoneHash).not.toMatch(/9991234/);
      expect(row.phoneHash).toBe(callerPhoneIndex(activeBlindIndexKey(), '573009991234'));
      const events = await ownerQuery<{ details: object }>(`SELECT details FROM audit_events WHERE "entityType" = 'hotline_contact' AND "entityId" = $1`, [first.id]);
      expect(JSON.stringify(events)).not.toMatch(/9991234/);
      expect(events.length).toBeGreaterThan(0);
    });

    it('answers field errors for a wrong place, option or number', async () => {
      const response = await operator.post('/api/hotline/contacts', call({ municipalityCode: '99999', callType: 'chat', phone: 'call me' })).expect(400);
      const fields = response.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['callType', 'phone']));
      const place = await operator.post('/api/hotline/contacts', call({ municipalityCode: '99999' })).expect(400);
      expect(place.body.errors).toContainEqual(expect.objectContaining({ field: 'municipalityCode', code: 'invalid_divipola' }));
    });

    it('is closed to roles without the hotline, as raw SQL too', async () => {
      await police.get('/api/hotline/contacts').expect(403);
      await police.post('/api/hotline/contacts', call()).expect(403);
      const seen = await asAppRole(await sessionOf('investigator@policia.demo'), async (client) => (await client.query(`SELECT count(*)::int AS n FROM hotline_contacts WHERE "caseId" IS NULL`)).rows[0].n);
      expect(seen).toBe(0);
      const operatorSees = await asAppRole(await sessionOf('operator@oim.demo'), async (client) => (await client.query(`SELECT count(*)::int AS n FROM hotline_contacts`)).rows[0].n);
      expect(operatorSees).toBeGreaterThan(0);
      await expect(
        asAppRole(await sessionOf('operator@oim.demo'), (client) => client.query(`DELETE FROM hotline_contacts`)),
      ).rejects.toThrow(/permission denied/);
    });
  });

  describe("the caller's number under field encryption", () => {
    const MASTER = Buffer.from(TEST_SECRET_KEY, 'hex');
    const number = `57301${String(Date.now() % 10_000_000).padStart(7, '0')}`;
    const local = number.slice(2);
    const contactsOf = (ids: string[]) => ownerQuery<{ id: string; phone: string; phoneHash: string }>(`SELECT id, phone, "phoneHash" FROM hotline_contacts WHERE id = ANY($1::uuid[]) ORDER BY "startedAt"`, [ids]);

    it('converts a number sealed before the migration at start-up: encrypted, indexed, found as a repeat caller', async () => {
      // A contact as migration 1764405700000 leaves one: the sealed value moved into `phone`, no hash yet.
      const sealed = new SecretBox(MASTER).seal(number);
      const [old] = await ownerQuery<{ id: string }>(
        `INSERT INTO hotline_contacts (code, channel, "startedAt", "operatorId", "callerType", "callType", purposes, acts, means, urgency, "childInvolved",
           "consentToAuthorities", phone, status, version)
         SELECT 'LN-2020-' || lpad(nextval('hotline_contact_number_seq')::text, 6, '0'), 'phone', now() - interval '2 days', id, 'relative', 'tip', '{}', '{}', '{}',
           'routine', false, false, $1, 'closed', 1 FROM users WHERE email = 'operator@oim.demo' RETURNING id`,
        [sealed],
      );
      const converted = await withOwner(async (client) => {
        const cipher = await loadFieldCipher(rowsOf(client), MASTER);
        return encryptCallerPhones(rowsOf(client), cipher, cipher.dataKey('blind_index'), new SecretBox(MASTER));
      });
      expect(converted).toBe(1);
      const [row] = await contactsOf([old.id]);
      expect(row.phone).toMatch(/^enc:/);
      expect(activeFieldCipher().decryptText('hotline_contacts', 'phone', row.phone)).toBe(number);
      expect(row.phoneHash).toBe(callerPhoneIndex(activeBlindIndexKey(), number));
      const [{ n }] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE "entityType" = 'hotline_contact' AND "entityId" = $1 AND details->>'reason' = 'field_encryption'`, [old.id]);
      expect(n).toBe(1);
      // A second start finds nothing left to convert.
      expect(await withOwner(async (client) => encryptCallerPhones(rowsOf(client), await loadFieldCipher(rowsOf(client), MASTER), activeBlindIndexKey(), new SecretBox(MASTER)))).toBe(0);
      expect((await logCall({ phone: `+57 ${local}` })).earlierContacts).toBe(1);
    });

    it('leaves no caller number in clear in any table, read as the owner', async () => {
      const numbers = ['573009991234', '3009991234', number, local, '573005551000', '3005551001'];
      expect(await withOwner((client) => tablesMatching(client, numbers.map((p) => `%${p}%`)))).toEqual([]);
    });

    it('still finds repeat callers after the data keys are rotated, and every number opens under the new key', async () => {
      const ring = app.get<FieldKeyRing>(FIELD_CIPHER);
      const before = await ownerQuery<{ id: string }>(`SELECT id FROM hotline_contacts WHERE "phoneHash" = $1`, [callerPhoneIndex(activeBlindIndexKey(), number)]);
      expect(before.length).toBe(2);
      const stored = await contactsOf(before.map((r) => r.id));
      const rotated = await withOwner((client) => rotateDataKeys(rowsOf(client), MASTER, { settle: async () => void (await ring.refresh()) }));
      const keyId = rotated.find((r) => r.table === 'hotline_contacts')!.keyId;
      const after = await contactsOf(before.map((r) => r.id));
      for (const [i, row] of after.entries()) {
        expect(FieldCipher.keyIdOf(row.phone)).toBe(keyId);
        expect(row.phone).not.toBe(stored[i].phone);
        // The blind-index key is not rotated: the index stays.
        expect(row.phoneHash).toBe(stored[i].phoneHash);
      }
      expect((await logCall({ phone: number })).earlierContacts).toBe(2);
      const verified = await withOwner(async (client) => verifyFields(rowsOf(client), await loadFieldCipher(rowsOf(client), MASTER)));
      expect(verified.find((v) => v.column === 'hotline_contacts.phone')).toMatchObject({ failed: [], clear: 0, byKey: { [keyId]: expect.any(Number) } });
      const states = await withOwner((client) => fieldKeyStates(rowsOf(client)));
      expect(states.filter((k) => k.purpose === 'hotline_contacts' && k.state !== 'retired').map((k) => k.id)).toEqual([keyId]);
    });
  });

  describe('consent rule of tips to the police', () => {
    it('sends a crisis call about a child without consent as a referral to the police, with the ground recorded', async () => {
      const contact = await logCall({ callType: 'crisis', urgency: 'emergency', childInvolved: true, consentToAuthorities: false });
      const created = await newCase();
      const done: HotlineContactView = (
        await operator.post(`/api/hotline/contacts/${contact.id}/outcome`, { version: contact.version, outcome: 'tip_sent', institutionId: institutions['policia'], caseCode: created.case.code, ground: 'child_at_risk' }).expect(200)
      ).body;
      expect(done).toMatchObject({ status: 'outcome', outcome: 'tip_sent', reportGround: 'child_at_risk', caseCode: created.case.code });
      expect(done.referralId).toBeTruthy();
      const referral: ReferralView = (await police.get(`/api/referrals/${done.referralId}`).expect(200)).body;
      expect(referral).toMatchObject({ caseCode: created.case.code, purpose: 'investigation', urgency: 'emergency', sections: ['summary'] });
      const audit = await ownerQuery<{ details: Record<string, unknown> }>(`SELECT details FROM audit_events WHERE "entityType" = 'hotline_contact' AND "entityId" = $1 AND action = 'transition'`, [contact.id]);
      expect(audit.map((a) => a.details)).toContainEqual(expect.objectContaining({ outcome: 'tip_sent', ground: 'child_at_risk' }));
    });

    it('refuses an adult’s tip without consent, and a child-at-risk ground when no child is involved', async () => {
      const contact = await logCall({ childInvolved: false, consentToAuthorities: false });
      const created = await newCase();
      const body = { version: contact.version, outcome: 'tip_sent', institutionId: institutions['policia'], caseCode: created.case.code };
      const refused = await operator.post(`/api/hotline/contacts/${contact.id}/outcome`, body).expect(400);
      expect(refused.body.errors).toContainEqual(expect.objectContaining({ field: 'ground', code: 'consent_required' }));
      const noChild = await operator.post(`/api/hotline/contacts/${contact.id}/outcome`, { ...body, ground: 'child_at_risk' }).expect(400);
      expect(noChild.body.errors).toContainEqual(expect.objectContaining({ field: 'ground', code: 'consent_required' }));
      const [{ n }] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM referrals WHERE "caseCode" = $1`, [created.case.code]);
      expect(n).toBe(0);
      // With the caller's consent it goes; a tip goes only to law enforcement.
      const consented = await logCall({ consentToAuthorities: true });
      await operator.post(`/api/hotline/contacts/${consented.id}/outcome`, { ...body, version: consented.version, institutionId: institutions['oim'] }).expect(400);
      await operator.post(`/api/hotline/contacts/${consented.id}/outcome`, { ...body, version: consented.version, institutionId: institutions['fiscalia'] }).expect(200);
      const [{ sent }] = await ownerQuery<{ sent: number }>(`SELECT count(*)::int AS sent FROM referrals WHERE "caseCode" = $1`, [created.case.code]);
      expect(sent).toBe(1);
    });

    it('answers 409 on a stale version', async () => {
      const contact = await logCall();
      await operator.post(`/api/hotline/contacts/${contact.id}/transitions`, { version: contact.version, to: 'assessing' }).expect(200);
      await operator.post(`/api/hotline/contacts/${contact.id}/outcome`, { version: contact.version, outcome: 'information_only' }).expect(409);
    });
  });

  describe('a call becomes a case', () => {
    it('prefills the intake with the call’s fields, links the call, and the case timeline shows it', async () => {
      const contact = await logCall({ callType: 'referral_request', callerType: 'possible_victim', municipalityCode: '76001', purposes: ['forced_labour', 'servitude'], acts: ['recruitment', 'transport'], means: ['deception'] });
      const prefill: HotlineCasePrefill = (await operator.get(`/api/hotline/contacts/${contact.id}/case-prefill`).expect(200)).body;
      expect(prefill.case).toMatchObject({ source: 'hotline', municipalityCode: '76001' });
      const base = newCaseRequest();
      const created: CreateCaseResponse = (await operator.post('/api/cases', { ...base, case: prefill.case, screening: prefill.screening, situation: prefill.situation }).expect(201)).body;
      const linked: HotlineContactView = (await operator.post(`/api/hotline/contacts/${contact.id}/outcome`, { version: contact.version, outcome: 'new_case', caseCode: created.case.code }).expect(200)).body;
      expect(linked).toMatchObject({ outcome: 'new_case', caseCode: created.case.code });

      const detail = (await operator.get(`/api/cases/${created.case.code}`).expect(200)).body;
      expect(detail).toMatchObject({ source: 'hotline', municipalityCode: '76001', departmentCode: '76', purposes: ['forced_labour', 'servitude'] });
      expect(detail.screenings[0]).toMatchObject({ acts: ['recruitment', 'transport'], means: ['deception'], purposes: ['forced_labour', 'servitude'] });
      const timeline: { kind: string; details: Record<string, unknown> }[] = (await operator.get(`/api/cases/${created.case.code}/timeline`).expect(200)).body;
      expect(timeline).toContainEqual(expect.objectContaining({ kind: 'audit', details: expect.objectContaining({ section: 'hotline', hotlineContact: contact.code, outcome: 'new_case' }) }));
      const calls: HotlineContactView[] = (await operator.get(`/api/cases/${created.case.code}/hotline-contacts`).expect(200)).body;
      expect(calls.map((c) => c.code)).toEqual([contact.code]);
    });
  });

  describe('finding the case while on the call', () => {
    it('lets an operator search by case code only, and a role that reads identity by the victim’s name', async () => {
      const created: CreateCaseResponse = (await operator.post('/api/cases', newCaseRequest({ victim: { givenNames: 'Eloisa Llamadora', familyNames: 'Ficticia Busqueda' } })).expect(201)).body;
      const byCode = (await operator.post('/api/cases/search', { code: created.case.code, limit: 8 }).expect(200)).body as CaseSearchPage;
      expect(byCode.items.map((c) => c.code)).toEqual([created.case.code]);
      expect(byCode.items[0].victimName).toBeNull();
      const refused = await operator.post('/api/cases/search', { name: 'Eloisa Llamadora', limit: 8 }).expect(403);
      expect(refused.body.code).toBe('identity_required');
      expect(JSON.stringify(refused.body)).not.toContain('Eloisa');
      // The IOM supervisor reads identity in the operator's institution: the name finds the case, and shows it.
      const supervisor = await loginAs(app, 'supervisor@oim.demo');
      const byName = (await supervisor.post('/api/cases/search', { name: 'eloisa llamadora', limit: 8 }).expect(200)).body as CaseSearchPage;
      expect(byName.items.map((c) => c.code)).toEqual([created.case.code]);
      expect(byName.items[0].victimName).toContain('Eloisa');
    });
  });

  describe('crisis', () => {
    it('shows an untaken crisis until someone takes it', async () => {
      const contact = await logCall({ callType: 'crisis', urgency: 'emergency' });
      const supervisor = await loginAs(app, 'supervisor@oim.demo');
      const waiting = (await supervisor.get('/api/hotline/crisis').expect(200)).body as { code: string }[];
      expect(waiting.map((c) => c.code)).toContain(contact.code);
      const taken: HotlineContactView = (await operator.post(`/api/hotline/contacts/${contact.id}/take`, { version: contact.version }).expect(200)).body;
      expect(taken).toMatchObject({ status: 'assessing', takenBy: expect.objectContaining({ name: expect.any(String) }) });
      await operator.post(`/api/hotline/contacts/${contact.id}/take`, { version: taken.version }).expect(409);
      const after = (await operator.get('/api/hotline/crisis').expect(200)).body as { code: string }[];
      expect(after.map((c) => c.code)).not.toContain(contact.code);
    });
  });

  describe('import of a historical call log', () => {
    it('imports the valid rows of a 10,000-row CSV in the background and reports each invalid one with its reason', async () => {
      const lines = ['fecha,canal,quien,tipo,municipio,finalidad,consentimiento,telefono,resumen'];
      const invalid = new Map<number, string>();
      for (let i = 0; i < 10_000; i++) {
        const line = i + 2;
        let date = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}`;
        let channel = i % 2 ? 'Teléfono' : 'whatsapp';
        let municipality = '11001';
        if (i % 997 === 0) {
          date = '2024-02-30 10:00';
          invalid.set(line, 'startedAt');
        } else if (i % 991 === 0) {
          channel = 'paloma mensajera';
          invalid.set(line, 'channel');
        } else if (i % 983 === 0) {
          municipality = '00000';
          invalid.set(line, 'municipalityCode');
        }
        lines.push(`${date},${channel},Familiar,Denuncia o información sobre un caso,${municipality},Explotación sexual,${i % 2 ? 'sí' : 'no'},3005550${String(i % 1000).padStart(3, '0')},"Llamada histórica, ${i}"`);
      }
      const mapping = { startedAt: 'fecha', channel: 'canal', callerType: 'quien', callType: 'tipo', municipalityCode: 'municipio', purposes: 'finalidad', consentToAuthorities: 'consentimiento', phone: 'telefono', summary: 'resumen' };
      const started = Date.now();
      const queued: HotlineImportView = (
        await operator.post('/api/hotline/imports').unset('Content-Type').field('mapping', JSON.stringify(mapping)).attach('file', Buffer.from(lines.join('\n'), 'utf8'), { filename: 'registro-2024.csv', contentType: 'text/csv' }).expect(201)
      ).body;
      expect(queued.status).toBe('pending');
      let view = queued;
      while (!['done', 'failed'].includes(view.status) && Date.now() - started < 50_000) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        view = (await operator.get(`/api/hotline/imports/${queued.id}`).expect(200)).body;
      }
      expect(view).toMatchObject({ status: 'done', totalRows: 10_000, processedRows: 10_000, importedRows: 10_000 - invalid.size });
      expect(new Map(view.rejected.map((r) => [r.row, r.field]))).toEqual(invalid);
      expect(view.rejected.find((r) => r.field === 'startedAt')?.reason).toBe('invalid_date');
      expect(view.rejected.find((r) => r.field === 'channel')?.reason).toBe('unknown_option');
      const [{ n }] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM hotline_contacts WHERE "importId" = $1 AND "phoneHash" IS NOT NULL AND "departmentCode" = '11'`, [queued.id]);
      expect(n).toBe(10_000 - invalid.size);
      // Someone else's import is not there for them.
      const other = await loginAs(app, 'supervisor@oim.demo');
      await other.get(`/api/hotline/imports/${queued.id}`).expect(403);
    }, 60_000);

    it('imports 100,000 rows through the real job in under a minute, each valid row once and each invalid one reported', async () => {
      const ROWS = 100_000;
      const lines = ['fecha;duracion;canal;quien;tipo;departamento;municipio;pais;finalidad;urgencia;consentimiento;telefono;resumen'];
      const channels = ['Teléfono', 'WhatsApp', 'correo electrónico', 'web_form', 'Presencial'];
      const callers = ['Familiar', 'Posible víctima', 'testigo', 'Anónimo', 'institution'];
      const types = ['Denuncia o información sobre un caso', 'Información u orientación', 'crisis', 'Capacitación', 'referral_request'];
      const places = [['11', '11001', ''], ['05', '05001', ''], ['76', '', ''], ['', '', 'EC'], ['', '', '']];
      const invalid = new Set<number>();
      for (let i = 0; i < ROWS; i++) {
        const [department, municipality, country] = places[i % places.length];
        // One row in a thousand is wrong (a day that does not exist): reported by its line, never imported.
        const day = i % 1000 === 999 ? '2023-02-29' : `2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
        if (i % 1000 === 999) invalid.add(i + 2);
        lines.push(
          [
            `${day} ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
            String(60 + (i % 900)),
            channels[i % 5],
            callers[(i >> 1) % 5],
            types[(i >> 2) % 5],
            department,
            municipality,
            country,
            i % 3 ? 'Explotación sexual|trabajos o servicios forzados' : '',
            i % 7 ? 'Ordinaria' : 'Urgente',
            i % 2 ? 'sí' : 'no',
            // 20,000 distinct callers, some calling several times.
            i % 4 ? `310${String(1_000_000 + (i % 20_000)).padStart(7, '0')}` : '',
            `"Llamada histórica número ${i}; orientación dada"`,
          ].join(';'),
        );
      }
      const mapping = {
        startedAt: 'fecha', durationSeconds: 'duracion', channel: 'canal', callerType: 'quien', callType: 'tipo', departmentCode: 'departamento', municipalityCode: 'municipio',
        countryCode: 'pais', purposes: 'finalidad', urgency: 'urgencia', consentToAuthorities: 'consentimiento', phone: 'telefono', summary: 'resumen',
      };
      const started = Date.now();
      const queued: HotlineImportView = (
        await operator.post('/api/hotline/imports').unset('Content-Type').field('mapping', JSON.stringify(mapping)).attach('file', Buffer.from(lines.join('\r\n'), 'utf8'), { filename: 'registro-2023.csv', contentType: 'text/csv' }).expect(201)
      ).body;
      let view = queued;
      let sawProgress = false;
      while (!['done', 'failed'].includes(view.status) && Date.now() - started < 75_000) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        view = (await operator.get(`/api/hotline/imports/${queued.id}`).expect(200)).body;
        if (view.status === 'running' && view.processedRows > 0 && view.processedRows < ROWS) sawProgress = true;
      }
      const elapsed = Date.now() - started;
      expect(view).toMatchObject({ status: 'done', totalRows: ROWS, processedRows: ROWS, importedRows: ROWS - invalid.size });
      expect(elapsed).toBeLessThan(60_000);
      expect(sawProgress).toBe(true);
      expect(new Set(view.rejected.map((r) => r.row))).toEqual(invalid);
      expect(view.rejected.every((r) => r.field === 'startedAt' && r.reason === 'invalid_date')).toBe(true);
      const [counts] = await ownerQuery<{ n: number; phones: number; numbers: number; abroad: number; purposes: number }>(
        `SELECT count(*)::int AS n, count("phoneHash")::int AS phones, count(DISTINCT "phoneHash")::int AS numbers,
                count(*) FILTER (WHERE "countryCode" = 'EC')::int AS abroad, count(*) FILTER (WHERE purposes = '{sexual_exploitation,forced_labour}')::int AS purposes
           FROM hotline_contacts WHERE "importId" = $1`,
        [queued.id],
      );
      const valid = [...Array(ROWS).keys()].filter((i) => !invalid.has(i + 2));
      expect(counts).toEqual({
        n: valid.length,
        phones: valid.filter((i) => i % 4).length,
        numbers: new Set(valid.filter((i) => i % 4).map((i) => i % 20_000)).size,
        abroad: valid.filter((i) => i % 5 === 3).length,
        purposes: valid.filter((i) => i % 3).length,
      });
    }, 90_000);

    it('refuses a mapping that leaves out a required field', async () => {
      const response = await operator.post('/api/hotline/imports').unset('Content-Type').field('mapping', JSON.stringify({ startedAt: 'fecha' })).attach('file', Buffer.from('fecha\n2024-01-01'), 'a.csv').expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['mapping.channel', 'mapping.callType']));
    });
  });

  describe('statistics', () => {
    it('sums to the total over the default 90 days, with the outcomes of the calls above', async () => {
      const stats: HotlineStats = (await operator.get('/api/hotline/stats?period=month').expect(200)).body;
      const [{ n }] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM hotline_contacts WHERE "startedAt" >= now() - interval '89 days'`);
      expect(stats.total).toBeGreaterThanOrEqual(n);
      expect(stats.perPeriod.reduce((s, b) => s + b.count, 0)).toBe(stats.total);
      expect(stats.byCallType.reduce((s, b) => s + b.count, 0)).toBe(stats.total);
      expect(stats.byOutcome.find((b) => b.key === 'tip_sent')?.count).toBeGreaterThanOrEqual(2);
      expect(stats.conversion.tips).toBe(stats.byOutcome.find((b) => b.key === 'tip_sent')?.count);
    });

    it('counts per Bogotá day, week and month, by type, channel, department, purpose and outcome, with the conversion and the median handling time', async () => {
      // Six contacts in March 2011, a month nothing else falls in. The second one is at 20:00 in Bogotá: already the
      // next day in UTC, still 1 March on the hotline's calendar.
      const rows: [string, string, string, string | null, string | null, string, string | null, number | null][] = [
        ['2011-03-01T15:00:00Z', 'phone', 'tip', '11', null, '{sexual_exploitation}', 'tip_sent', 100],
        ['2011-03-02T01:00:00Z', 'whatsapp', 'crisis', '05', null, '{sexual_exploitation,forced_labour}', 'new_case', 300],
        ['2011-03-09T15:00:00Z', 'email', 'information', null, 'EC', '{}', 'information_only', 60],
        ['2011-03-20T15:00:00Z', 'phone', 'referral_request', null, null, '{forced_labour}', 'referral', 200],
        ['2011-03-21T15:00:00Z', 'phone', 'tip', '11', null, '{}', 'linked_case', null],
        ['2011-03-28T15:00:00Z', 'walk_in', 'training', '11', null, '{}', null, 500],
      ];
      for (const [i, [at, channel, callType, department, country, purposes, outcome, duration]] of rows.entries()) {
        await ownerQuery(
          `INSERT INTO hotline_contacts (code, channel, "startedAt", "durationSeconds", "operatorId", "callerType", "callType", "departmentCode", "countryCode", purposes, acts, means,
             urgency, "childInvolved", "consentToAuthorities", status, outcome, version)
           SELECT $1, $2, $3, $4, id, 'relative', $5, $6, $7, $8::text[], '{}', '{}', 'routine', false, false, 'closed', $9, 1 FROM users WHERE email = 'operator@oim.demo'`,
          [`LN-2011-90000${i}`, channel, at, duration, callType, department, country, purposes, outcome],
        );
      }
      const range = 'from=2011-03-01T05:00:00Z&to=2011-04-01T05:00:00Z';
      const coordinator = await loginAs(app, 'coordinator@mininterior.demo');
      const get = async (period: string): Promise<HotlineStats> => (await coordinator.get(`/api/hotline/stats?${range}&period=${period}`).expect(200)).body;
      const [day, week, month] = await Promise.all([get('day'), get('week'), get('month')]);
      expect(day.perPeriod).toEqual([{ key: '2011-03-01', count: 2 }, { key: '2011-03-09', count: 1 }, { key: '2011-03-20', count: 1 }, { key: '2011-03-21', count: 1 }, { key: '2011-03-28', count: 1 }]);
      // Weeks start on Monday: Sunday the 20th belongs to the week of the 14th.
      expect(week.perPeriod).toEqual([{ key: '2011-02-28', count: 2 }, { key: '2011-03-07', count: 1 }, { key: '2011-03-14', count: 1 }, { key: '2011-03-21', count: 1 }, { key: '2011-03-28', count: 1 }]);
      expect(month.perPeriod).toEqual([{ key: '2011-03-01', count: 6 }]);
      expect(month).toMatchObject({
        total: 6,
        byCallType: [{ key: 'tip', count: 2 }, { key: 'crisis', count: 1 }, { key: 'information', count: 1 }, { key: 'referral_request', count: 1 }, { key: 'training', count: 1 }],
        byChannel: [{ key: 'phone', count: 3 }, { key: 'email', count: 1 }, { key: 'walk_in', count: 1 }, { key: 'whatsapp', count: 1 }],
        byDepartment: [{ key: '11', count: 3 }, { key: '05', count: 1 }, { key: 'abroad', count: 1 }, { key: 'unknown', count: 1 }],
        byPurpose: [{ key: 'forced_labour', count: 2 }, { key: 'sexual_exploitation', count: 2 }],
        byOutcome: [{ key: 'information_only', count: 1 }, { key: 'linked_case', count: 1 }, { key: 'new_case', count: 1 }, { key: 'none', count: 1 }, { key: 'referral', count: 1 }, { key: 'tip_sent', count: 1 }],
        conversion: { tips: 1, referrals: 1, cases: 2, share: 4 / 6 },
        // The durations 60, 100, 200, 300, 500 (one contact has none).
        medianHandlingSeconds: 200,
      });
      // A range without contacts is empty, not an error; the police read no hotline statistics.
      const empty = (await coordinator.get('/api/hotline/stats?from=2001-01-01T00:00:00Z&to=2001-02-01T00:00:00Z').expect(200)).body as HotlineStats;
      expect(empty).toMatchObject({ total: 0, perPeriod: [], conversion: { tips: 0, referrals: 0, cases: 0, share: null }, medianHandlingSeconds: null });
      await police.get(`/api/hotline/stats?${range}`).expect(403);
    });
  });
  describe('at scale (EXPLAIN as the application role)', () => {
    interface PlanNode {
      'Node Type': string;
      'Relation Name'?: string;
      'Index Name'?: string;
      Plans?: PlanNode[];
    }
    const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];
    const ROWS = 30_000;

    /** The exact statements the repository runs, EXPLAINed instead of run, in an operator's request transaction. */
    async function plansOf(work: (repository: HotlineContactsRepository) => Promise<unknown>): Promise<PlanNode[][]> {
      const runner = app.get(TransactionRunner, { strict: false });
      const repository = app.get(HotlineContactsRepository, { strict: false });
      const token = await sessionOf('operator@oim.demo');
      return runner.run({ sessionToken: token }, async (manager) => {
        await manager.query(`SET LOCAL ROLE ${APP_ROLE}`);
        const plans: PlanNode[][] = [];
        const query = manager.query.bind(manager);
        manager.query = (async (sql: string, params?: unknown[]) => {
          const [{ 'QUERY PLAN': [plan] }] = await query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
          plans.push(nodes(plan.Plan));
          return [{}];
        }) as typeof manager.query;
        await work(repository);
        return plans;
      });
    }

    function expectIndexOnly(plan: PlanNode[], index: string): void {
      expect(plan.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'hotline_contacts')).toEqual([]);
      expect(plan.map((n) => n['Index Name']).filter(Boolean)).toContain(index);
    }

    beforeAll(async () => {
      // Tens of thousands of old contacts (taken, so the crisis banner of the tests above is not theirs), 5,000 numbers.
      await ownerQuery(
        `INSERT INTO hotline_contacts (code, channel, "startedAt", "durationSeconds", "operatorId", "callerType", "callType", "departmentCode", purposes, acts, means,
           urgency, "childInvolved", "consentToAuthorities", phone, "phoneHash", status, "takenAt", "takenById", version)
         SELECT 'LN-2019-' || lpad(g::text, 6, '0'), 'phone', now() - interval '3 years' - g * interval '7 minutes', 200, u.id, 'relative',
           (ARRAY['crisis','tip','referral_request','information','training','not_relevant'])[1 + g % 6], '11', '{}', '{}', '{}', 'routine', false, false,
           'enc:perf', encode(sha256(convert_to('perf' || (g % 5000), 'UTF8')), 'hex'), (ARRAY['open','assessing','outcome','closed'])[1 + g % 4],
           now() - interval '3 years', u.id, 1
         FROM generate_series(1, ${ROWS}) g, (SELECT id FROM users WHERE email = 'operator@oim.demo') u`,
      );
      await ownerQuery(`ANALYZE hotline_contacts`);
    }, 30_000);

    it('pages the list and counts it on the indexes, never a sequential scan', async () => {
      const [count, page] = await plansOf((r) => r.page({ direction: 'desc', limit: 26 }));
      expectIndexOnly(count, 'IDX_hotline_contacts_started');
      expectIndexOnly(page, 'IDX_hotline_contacts_started');
      const [statusCount, statusPage] = await plansOf((r) => r.page({ status: 'open', direction: 'desc', limit: 26, after: { at: new Date().toISOString(), id: '00000000-0000-4000-8000-000000000000' } }));
      expectIndexOnly(statusCount, 'IDX_hotline_contacts_status_started');
      expectIndexOnly(statusPage, 'IDX_hotline_contacts_status_started');
    });

    it('counts a repeat caller on the keyed-hash index and lists the crisis on its partial index', async () => {
      const [repeat] = await plansOf((r) => r.earlierContacts(createHash('sha256').update('perf42').digest('hex'), new Date()));
      expectIndexOnly(repeat, 'IDX_hotline_contacts_phone');
      const [crisis] = await plansOf((r) => r.untakenCrisis(20));
      expectIndexOnly(crisis, 'IDX_hotline_contacts_untaken_crisis');
    });
  });
});
