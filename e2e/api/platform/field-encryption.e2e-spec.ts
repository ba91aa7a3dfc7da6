import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createApp } from '@ruta/server/app';
import { encryptClearFields, loadFieldCipher } from '@ruta/server/platform/crypto/field-keys';
import { keyFingerprint } from '@ruta/server/platform/backup/backup-format';
import { ENCRYPTED_FIELDS, FIELD_KEY_PURPOSES } from '@ruta/server/platform/crypto/field-cipher';
import { newCaseRequest } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';
import { TEST_SECRET_KEY, testConfig } from '../../support/test-config';
import { runServerScript } from '../../support/server-process';
import { rowsOf, tablesMatching, withOwner } from '../../support/owner-scan';

// key:rotate and keys:verify run in child processes, as npm runs them.
jest.setTimeout(180_000);


/**
 * Issue 16, first slice: the victim's contact details and whereabouts, note texts and uploaded files are stored
 * encrypted. Reading every column of every table as the owner finds none of them, while the API still gives them to
 * a user whose permission and scope allow it; rotation re-wraps the data keys and every field still opens.
 */
describe('field encryption of contacts, locations, notes and documents', () => {
  const tag = randomBytes(4).toString('hex');
  const secrets = {
    phone: `+57 311 ${String(randomBytes(2).readUInt16BE(0) % 10000).padStart(4, '0')} 0199`,
    email: `cifrado.${tag}@example.org`,
    currentLocation: `Vereda Cifrada ${tag}`,
    shelterLocation: `Hogar Cifrado ${tag}`,
    note: `Nota reservada ${tag}: la víctima teme represalias`,
    documentMarker: `DOCUMENTO-SECRETO-${tag}`,
    // A trafficking event's city abroad (migration 1764405700000).
    city: `Ciudad Cifrada ${tag}`,
  };
  const file = Buffer.from(`%PDF-1.4\n1 0 obj << /Title (${secrets.documentMarker}) >> endobj\n%%EOF\n`);
  const scratch = mkdtempSync(join(tmpdir(), 'ruta-field-encryption-'));
  const NEW_KEY = randomBytes(32).toString('hex');
  let app: INestApplication;
  let police: ApiSession;
  let code: string;
  let documentId: string;
  let noteId: string;

  const cli = (script: string, env: Record<string, string>) =>
    runServerScript(script, { DATABASE_URL: process.env.RUTA_TEST_OWNER_URL!, RUTA_DATA_DIR: scratch, AUDIT_ANCHOR_FILE: join(scratch, 'anchors.jsonl'), ...env });
  const verify = (key: string) => cli('server/src/platform/crypto/keys-verify.cli.ts', { RUTA_SECRET_KEY: key });

  /** The tables whose row (as text, bytea in hex) contains any of the values: read as the owner, past row-level security. */
  async function tablesHolding(values: string[]): Promise<string[]> {
    const patterns = values.flatMap((v) => [`%${v}%`, `%${Buffer.from(v).toString('hex')}%`]);
    return withOwner((client) => tablesMatching(client, patterns.map((p) => p.toLowerCase())));
  }

  async function readEverything(session: ApiSession) {
    const detail = (await session.get(`/api/cases/${code}`).expect(200)).body;
    const notes = (await session.get(`/api/cases/${code}/notes`).expect(200)).body;
    const content = await session
      .get(`/api/cases/${code}/documents/${documentId}/content`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    return {
      victim: { phone: detail.victim.phone, email: detail.victim.email, currentLocation: detail.victim.currentLocation, shelterLocation: detail.victim.shelterLocation },
      note: notes.find((n: { id: string }) => n.id === noteId)?.body,
      content: content.body as Buffer,
    };
  }

  beforeAll(async () => {
    app = await createTestApp();
    police = await loginAs(app, 'investigator@policia.demo');
    const created = await police
      .post(
        '/api/cases',
        newCaseRequest({
          victim: { phone: secrets.phone, email: secrets.email, currentLocation: secrets.currentLocation, shelterLocation: secrets.shelterLocation },
          situation: {
            events: [
              { kind: 'recruitment', countryCode: 'CO', municipalityCode: '05001', startedOn: '2025-05-01' },
              { kind: 'exploitation', countryCode: 'ES', city: secrets.city, startedOn: '2025-06-01' },
            ],
          },
        }),
      )
      .expect(201);
    code = created.body.case.code;
    const notes = (await police.post(`/api/cases/${code}/notes`, { body: secrets.note }).expect(201)).body;
    noteId = notes.find((n: { body: string }) => n.body === secrets.note).id;
    const uploaded = await police
      .post(`/api/cases/${code}/documents`)
      .unset('Content-Type')
      .field('kind', 'other')
      .attach('file', file, { filename: 'declaracion.pdf', contentType: 'application/pdf' })
      .expect(201);
    documentId = uploaded.body.id;
  });
  afterAll(async () => {
    await app?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('stores none of the values in clear in any column of any table', async () => {
    // The scan itself finds what it looks for: the case code is stored in clear.
    expect(await tablesHolding([code])).toContain('cases');
    expect(await tablesHolding(Object.values(secrets))).toEqual([]);
    const [victim] = await withOwner(async (client) =>
      (await client.query(`SELECT v.phone, v.email, v."currentLocation", l."shelterLocation" FROM victims v JOIN cases c ON c.id = v."caseId" JOIN victim_locations l ON l."caseId" = c.id WHERE c.code = $1`, [code])).rows,
    );
    for (const value of Object.values(victim)) expect(value).toMatch(/^enc:[A-Za-z0-9_-]+$/);
    const [event] = await withOwner(async (client) => (await client.query(`SELECT e.city FROM trafficking_events e JOIN cases c ON c.id = e."caseId" WHERE c.code = $1 AND e.city IS NOT NULL`, [code])).rows);
    expect(event.city).toMatch(/^enc:[A-Za-z0-9_-]+$/);
  });

  it('puts none of them in clear in a backup (npm run backup)', () => {
    const file = join(scratch, 'ruta.backup.gz');
    const written = runServerScript('server/src/platform/backup/backup.cli.ts', { DATABASE_URL: process.env.RUTA_TEST_OWNER_URL!, RUTA_DATA_DIR: scratch, RUTA_SECRET_KEY: TEST_SECRET_KEY }, [file]);
    expect(written.stderr).toBe('');
    expect(written.status).toBe(0);
    const text = gunzipSync(readFileSync(file)).toString('utf8').toLowerCase();
    // The backup holds the case (its code in clear), so the search would find the values if they were there.
    expect(text).toContain(code.toLowerCase());
    for (const value of Object.values(secrets)) {
      expect(text).not.toContain(value.toLowerCase());
      expect(text).not.toContain(Buffer.from(value).toString('hex'));
    }
  });

  it('gives every value back to the allowed user, and 404 to another institution', async () => {
    const read = await readEverything(police);
    expect(read.victim).toEqual({ phone: secrets.phone, email: secrets.email, currentLocation: secrets.currentLocation, shelterLocation: secrets.shelterLocation });
    expect(read.note).toBe(secrets.note);
    expect(read.content.equals(file)).toBe(true);
    const events = (await police.get(`/api/cases/${code}`).expect(200)).body.events;
    expect(events.find((e: { countryCode: string }) => e.countryCode === 'ES')).toMatchObject({ city: secrets.city });
    const das = await loginAs(app, 'investigator@das.demo');
    for (const path of ['', '/notes', `/documents/${documentId}/content`]) await das.get(`/api/cases/${code}${path}`).expect(404);
  });

  it('encrypts an edit too: the new phone and shelter are read back, and stored in clear nowhere', async () => {
    const edited = { phone: `+57 320 ${String(randomBytes(2).readUInt16BE(0) % 10000).padStart(4, '0')} 0142`, shelterLocation: `Hogar Editado ${tag}` };
    const { version } = (await police.get(`/api/cases/${code}`).expect(200)).body;
    const after = (await police.patch(`/api/cases/${code}/victim`, { version, ...edited }).expect(200)).body;
    expect(after.victim).toMatchObject(edited);
    expect((await police.get(`/api/cases/${code}`).expect(200)).body.victim).toMatchObject({ ...edited, email: secrets.email });
    expect(await tablesHolding([...Object.values(edited), secrets.phone, secrets.shelterLocation])).toEqual([]);
    secrets.phone = edited.phone;
    secrets.shelterLocation = edited.shelterLocation;
  });

  it('keeps the application role away from the wrapped data keys', async () => {
    const client = new Client({ connectionString: process.env.RUTA_TEST_APP_URL });
    await client.connect();
    try {
      await expect(client.query(`SELECT wrapped FROM field_keys`)).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }
    const keys = await withOwner(async (client) => (await client.query(`SELECT purpose, wrapped, "masterFingerprint" FROM field_keys ORDER BY purpose`)).rows);
    expect(keys.map((k) => k.purpose)).toEqual([...FIELD_KEY_PURPOSES].sort());
    for (const k of keys) {
      expect(k.wrapped).toMatch(/^fk1\./);
      expect(k.masterFingerprint).toBe(keyFingerprint(Buffer.from(TEST_SECRET_KEY, 'hex')));
    }
  });

  it('encrypts at start-up a value left in clear text, and keys:verify tells both apart', async () => {
    const clearNote = `Nota antigua ${tag}`;
    await withOwner((client) =>
      client.query(
        `INSERT INTO case_notes ("caseId", "authorId", "authorInstitutionId", body)
         SELECT n."caseId", n."authorId", n."authorInstitutionId", $2 FROM case_notes n WHERE n.id = $1`,
        [noteId, clearNote],
      ),
    );
    const clearFile = Buffer.from(`%PDF-1.4\n(Documento antiguo ${tag})\n%%EOF\n`);
    const [{ id: clearDocumentId }] = await withOwner(async (client) =>
      (
        await client.query(
          `INSERT INTO case_documents ("caseId", kind, "contentType", "sizeBytes", sha256, content, "uploadedById", "uploadedByInstitutionId")
           SELECT d."caseId", d.kind, d."contentType", $2, repeat('0', 64), $3, d."uploadedById", d."uploadedByInstitutionId" FROM case_documents d WHERE d.id = $1
           RETURNING id`,
          [documentId, clearFile.length, clearFile],
        )
      ).rows,
    );
    // Until then the server reads it as it is (a database from before field encryption keeps working).
    expect((await police.get(`/api/cases/${code}/notes`).expect(200)).body.map((n: { body: string }) => n.body)).toContain(clearNote);
    const before = verify(TEST_SECRET_KEY);
    expect(before.status).toBe(1);
    expect(before.stdout).toMatch(/case_notes\.body: \d+ open, 1 still in clear text/);
    expect(before.stdout).toMatch(/case_documents\.content: \d+ open, 1 still in clear text/);
    // What the start-up step (fieldEncryptionSeed) runs, as the owner.
    const done = await withOwner(async (client) => encryptClearFields(rowsOf(client), await loadFieldCipher(rowsOf(client), Buffer.from(TEST_SECRET_KEY, 'hex'))));
    expect(done.filter((c) => c.encrypted > 0)).toEqual([
      { column: 'case_notes.body', encrypted: 1 },
      { column: 'case_documents.content', encrypted: 1 },
    ]);
    expect(await tablesHolding([clearNote, `Documento antiguo ${tag}`])).toEqual([]);
    const download = await police
      .get(`/api/cases/${code}/documents/${clearDocumentId}/content`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((download.body as Buffer).equals(clearFile)).toBe(true);
    // A second start finds nothing left to encrypt.
    const again = await withOwner(async (client) => encryptClearFields(rowsOf(client), await loadFieldCipher(rowsOf(client), Buffer.from(TEST_SECRET_KEY, 'hex'))));
    expect(again.every((c) => c.encrypted === 0)).toBe(true);
    const notes = (await police.get(`/api/cases/${code}/notes`).expect(200)).body;
    expect(notes.map((n: { body: string }) => n.body)).toEqual(expect.arrayContaining([clearNote, secrets.note]));
    const after = verify(TEST_SECRET_KEY);
    expect(after.stdout).toContain('Every encrypted field opens under the key in use');
    expect(after.status).toBe(0);
  });

  it('re-wraps only the data keys on rotation: every field still opens under the new key and reads are unchanged', async () => {
    const before = await readEverything(police);
    const stored = () =>
      withOwner(async (client) => ({
        victims: (await client.query(`SELECT "caseId", phone, email, "currentLocation" FROM victims WHERE phone IS NOT NULL ORDER BY "caseId"`)).rows,
        notes: (await client.query(`SELECT id, body FROM case_notes ORDER BY id`)).rows,
        documents: (await client.query(`SELECT id, md5(content) AS content FROM case_documents ORDER BY id`)).rows,
      }));
    const storedBefore = await stored();
    await app.close();

    const rotated = cli('server/src/platform/crypto/key-rotate.cli.ts', { RUTA_OLD_SECRET_KEY: TEST_SECRET_KEY, RUTA_SECRET_KEY: NEW_KEY });
    expect(rotated.stderr).toBe('');
    expect(rotated.status).toBe(0);
    expect(rotated.stdout).toContain(`Re-wrapped ${FIELD_KEY_PURPOSES.length} field data keys under the new key`);
    expect(await stored()).toEqual(storedBefore);
    const fingerprints = await withOwner(async (client) => (await client.query(`SELECT DISTINCT "masterFingerprint" AS f FROM field_keys`)).rows);
    expect(fingerprints).toEqual([{ f: keyFingerprint(Buffer.from(NEW_KEY, 'hex')) }]);

    const underNew = verify(NEW_KEY);
    expect(underNew.stdout).toContain('Every encrypted field opens under the key in use');
    expect(underNew.status).toBe(0);
    const underOld = verify(TEST_SECRET_KEY);
    expect(underOld.status).toBe(1);
    expect(underOld.stderr).toContain(`is wrapped under the key with fingerprint ${keyFingerprint(Buffer.from(NEW_KEY, 'hex'))}`);

    app = await createApp(testConfig({ RUTA_SECRET_KEY: NEW_KEY }), { app: process.env.RUTA_TEST_APP_URL!, system: process.env.RUTA_TEST_SYSTEM_URL! }, { logs: false });
    await app.init();
    police = await loginAs(app, 'investigator@policia.demo');
    const after = await readEverything(police);
    expect(after.victim).toEqual(before.victim);
    expect(after.note).toBe(before.note);
    expect(after.content.equals(file)).toBe(true);
  });
});

/**
 * Issue 16, other areas: referral texts, assistance notes, measures and closure texts, relatives' names and hotline
 * summaries. The seeded values of those columns (opened with the key, so the probe is exactly what the seeds wrote) and
 * the values of a contact and a relative written through the API are in clear in no column of any table, while the API
 * still gives them back.
 */
describe('field encryption of the other areas\' victim data', () => {
  const OTHER_AREAS = ['referrals', 'referral_events', 'assistance_services', 'assistance_follow_ups', 'risk_assessments', 'assistance_closure_requests', 'assistance_participants', 'hotline_contacts'];
  const fields = ENCRYPTED_FIELDS.filter((f) => OTHER_AREAS.includes(f.table));
  const tag = randomBytes(4).toString('hex');
  let app: INestApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Every value of the column, as stored and opened with the key in use. */
  async function storedValues(client: Client, table: string, column: string): Promise<{ stored: string; plain: string }[]> {
    const cipher = await loadFieldCipher(rowsOf(client), Buffer.from(TEST_SECRET_KEY, 'hex'));
    const { rows } = await client.query(`SELECT "${column}" AS v FROM "${table}" WHERE "${column}" IS NOT NULL`);
    return rows.map((r: { v: string }) => ({ stored: r.v, plain: r.v.startsWith('enc:') ? cipher.decryptText(table, column, r.v) : r.v }));
  }

  function tablesHolding(client: Client, values: string[]): Promise<string[]> {
    return tablesMatching(client, values.map((v) => `%${v.toLowerCase()}%`));
  }

  it('covers every such column, and stores the seeded values of each encrypted, in clear nowhere', async () => {
    expect(fields.map((f) => `${f.table}.${f.column}`)).toEqual(
      expect.arrayContaining(['referrals.message', 'assistance_follow_ups.notes', 'risk_assessments.measures', 'assistance_participants.fullName', 'hotline_contacts.summary']),
    );
    await withOwner(async (client) => {
      const seeded: string[] = [];
      for (const field of fields) {
        const values = await storedValues(client, field.table, field.column);
        for (const v of values) expect(v.stored).toMatch(/^enc:[A-Za-z0-9_-]+$/);
        // Words long enough not to occur by chance in other columns (codes, statuses).
        seeded.push(...values.map((v) => v.plain).filter((p) => p.length >= 12));
      }
      // The demo seeds wrote relatives, risk measures, closure notes, referral messages and hotline summaries.
      expect(seeded).toEqual(expect.arrayContaining(['Marta Demo Ruiz', 'Tomás Demo Ruiz']));
      expect(seeded.length).toBeGreaterThan(10);
      // The scan finds what it looks for: a demo user's e-mail is stored in clear.
      expect(await tablesHolding(client, ['operator@oim.demo'])).toContain('users');
      expect(await tablesHolding(client, [...new Set(seeded)])).toEqual([]);
    });
  });

  it('encrypts a hotline summary and a relative’s name written through the API, and gives them back', async () => {
    const operator = await loginAs(app, 'operator@oim.demo');
    const summary = `Relato reservado ${tag}: la prima fue captada en Ipiales`;
    const contact = (
      await operator
        .post('/api/hotline/contacts', {
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
          summary,
          consentToAuthorities: false,
        })
        .expect(201)
    ).body;
    expect((await operator.get(`/api/hotline/contacts/${contact.id}`).expect(200)).body.summary).toBe(summary);

    const caseworker = await loginAs(app, 'caseworker@oim.demo');
    const code = (await caseworker.post('/api/cases', newCaseRequest()).expect(201)).body.case.code;
    const fullName = `Rosa Cifrada ${tag}`;
    const overview = (await caseworker.post(`/api/cases/${code}/assistance/participants`, { fullName, relation: 'parent', sex: 'female', ageBand: '39-47' }).expect(201)).body;
    expect(overview.participants.map((p: { fullName: string }) => p.fullName)).toContain(fullName);
    await withOwner(async (client) => expect(await tablesHolding(client, [summary, fullName, tag])).toEqual([]));
  });
});
