import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import { createApp } from '@ruta/server/app';
import { FIELD_CIPHER, FieldKeyRing } from '@ruta/server/platform/crypto/field-encryption';
import { fieldKeyStates, loadFieldCipher, rewrapFieldKeys, verifyFields } from '@ruta/server/platform/crypto/field-keys';
import { rotateDataKeys, TableKeyRotation } from '@ruta/server/platform/crypto/data-key-rotation';
import { ENCRYPTED_FIELDS } from '@ruta/server/platform/crypto/field-cipher';
import { rotateSealedSecrets } from '@ruta/server/platform/crypto/key-rotation';
import { newCaseRequest } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';
import { TEST_SECRET_KEY, testConfig } from '../../support/test-config';
import { runServerScript } from '../../support/server-process';
import { rowsOf } from '../../support/owner-scan';

jest.setTimeout(300_000);


async function owner(): Promise<Client> {
  const client = new Client({ connectionString: process.env.RUTA_TEST_OWNER_URL });
  await client.connect();
  return client;
}

/**
 * Issue 16, "rotation under load loses nothing": while requests write and edit encrypted fields (case notes, the
 * victim's phone, assistance follow-up notes, a service's notes, relatives' names), the data keys are rotated
 * (`rotateDataKeys`, what `npm run key:rotate -- --data-keys` runs) and then the master key (the data keys re-wrapped).
 * Afterwards every field opens under the new master key, every value written reads back exactly, none is under an
 * old key, and no request failed.
 */
describe('rotation under load loses nothing', () => {
  const OLD = Buffer.from(TEST_SECRET_KEY, 'hex');
  const NEW_KEY = randomBytes(32).toString('hex');
  let app: INestApplication;
  let caseworker: ApiSession;
  let code: string;

  beforeAll(async () => {
    app = await createTestApp();
    caseworker = await loginAs(app, 'caseworker@oim.demo');
    code = (await caseworker.post('/api/cases', newCaseRequest({ victim: { phone: '+57 300 000 0001' } })).expect(201)).body.case.code;
  });
  afterAll(async () => {
    await app?.close();
  });

  const written = { notes: [] as string[], followUps: [] as string[], relatives: [] as string[], phone: '', serviceNotes: '' };

  it('keeps every write, opens every field afterwards, and retires the old data keys', async () => {
    const failures: string[] = [];
    let stop = false;
    const tag = randomBytes(3).toString('hex');
    const expectOk = async (what: string, request: Promise<{ status: number }>, ok: number) => {
      const response = await request;
      if (response.status !== ok) failures.push(`${what}: ${response.status}`);
      return response;
    };

    const service = (
      await caseworker.post(`/api/cases/${code}/assistance/services`, { phase: 'immediate', category: 'psychosocial', plannedOn: '2025-01-10', notes: `Servicio ${tag} 0` }).expect(201)
    ).body.services[0];
    let serviceVersion: number = service.version;
    written.serviceNotes = `Servicio ${tag} 0`;

    const loops = [
      (async () => {
        for (let i = 0; !stop; i++) {
          const body = `Nota ${tag} ${i}: la víctima pidió cambio de albergue`;
          await expectOk('note', caseworker.post(`/api/cases/${code}/notes`, { body }), 201);
          written.notes.push(body);
        }
      })(),
      (async () => {
        for (let i = 0; !stop; i++) {
          const phone = `+57 310 ${String(i % 10000).padStart(4, '0')} ${String(randomBytes(2).readUInt16BE(0) % 10000).padStart(4, '0')}`;
          const { version } = (await caseworker.get(`/api/cases/${code}`).expect(200)).body;
          const response = await expectOk('victim phone', caseworker.patch(`/api/cases/${code}/victim`, { version, phone }), 200);
          if (response.status === 200) written.phone = phone;
        }
      })(),
      (async () => {
        for (let i = 0; !stop; i++) {
          const notes = `Seguimiento ${tag} ${i}: sin novedad`;
          await expectOk('follow-up', caseworker.post(`/api/cases/${code}/assistance/follow-ups`, { contactOn: '2026-01-20', channel: 'phone', outcome: 'reached', notes }), 201);
          written.followUps.push(notes);
        }
      })(),
      (async () => {
        for (let i = 1; !stop; i++) {
          const notes = `Servicio ${tag} ${i}`;
          const response = await expectOk('service notes', caseworker.patch(`/api/assistance/services/${service.id}`, { version: serviceVersion, notes }), 200);
          if (response.status === 200) {
            serviceVersion = (response as unknown as { body: { services: { id: string; version: number }[] } }).body.services.find((s) => s.id === service.id)!.version;
            written.serviceNotes = notes;
          }
          const fullName = `Pariente ${tag} ${i}`;
          await expectOk('relative', caseworker.post(`/api/cases/${code}/assistance/participants`, { fullName, relation: 'sibling', sex: 'female', ageBand: '18-20' }), 201);
          written.relatives.push(fullName);
        }
      })(),
    ];

    // The server of this test reloads its keys when the rotation asks (the command line waits past its refresh instead).
    const ring = app.get<FieldKeyRing>(FIELD_CIPHER);
    const client = await owner();
    let rotated: TableKeyRotation[];
    try {
      const before = await fieldKeyStates(rowsOf(client));
      rotated = await rotateDataKeys(rowsOf(client), OLD, { settle: async () => void (await ring.refresh()), batch: 50 });
      // Master-key rotation under the same load, as key:rotate runs it in one transaction: the sealed secrets re-sealed
      // and the data keys re-wrapped under the new key (the running server keeps the data keys it has loaded).
      await client.query('BEGIN');
      await rotateSealedSecrets(rowsOf(client) as unknown as EntityManager, OLD, Buffer.from(NEW_KEY, 'hex'));
      await rewrapFieldKeys(rowsOf(client), OLD, Buffer.from(NEW_KEY, 'hex'));
      await client.query('COMMIT');
      // Some writes after both rotations too.
      await new Promise((resolve) => setTimeout(resolve, 500));
      stop = true;
      await Promise.all(loops);

      expect(failures).toEqual([]);
      expect(written.notes.length).toBeGreaterThan(3);
      expect(written.followUps.length).toBeGreaterThan(3);
      const tables = [...new Set(ENCRYPTED_FIELDS.map((f) => f.table))];
      expect(rotated.map((r) => r.table).sort()).toEqual(tables.sort());
      for (const table of rotated) {
        expect(table.stillUsed).toEqual([]);
        const old = before.filter((k) => k.purpose === table.table).map((k) => k.id);
        expect(table.retired.sort()).toEqual(old.sort());
      }

      // Every field opens under the new master key; none is in clear, under an old key, or broken.
      const cipher = await loadFieldCipher(rowsOf(client), Buffer.from(NEW_KEY, 'hex'));
      const verified = await verifyFields(rowsOf(client), cipher);
      const current = new Set(rotated.map((r) => r.keyId));
      for (const column of verified) {
        expect({ column: column.column, failed: column.failed, clear: column.clear }).toEqual({ column: column.column, failed: [], clear: 0 });
        for (const keyId of Object.keys(column.byKey)) expect(current.has(Number(keyId))).toBe(true);
      }
      // The old keys are retired, the new ones current.
      const after = await fieldKeyStates(rowsOf(client));
      for (const key of after.filter((k) => tables.includes(k.purpose))) expect(key.state).toBe(current.has(key.id) ? 'current' : 'retired');
    } finally {
      await client.end();
    }

    // Every value written reads back exactly, from a server started with the new master key.
    await app.close();
    app = await createApp(testConfig({ RUTA_SECRET_KEY: NEW_KEY }), { app: process.env.RUTA_TEST_APP_URL!, system: process.env.RUTA_TEST_SYSTEM_URL! }, { logs: false });
    await app.init();
    caseworker = await loginAs(app, 'caseworker@oim.demo');
    const notes = (await caseworker.get(`/api/cases/${code}/notes`).expect(200)).body.map((n: { body: string }) => n.body);
    expect(notes).toEqual(expect.arrayContaining(written.notes));
    expect((await caseworker.get(`/api/cases/${code}`).expect(200)).body.victim.phone).toBe(written.phone);
    const overview = (await caseworker.get(`/api/cases/${code}/assistance`).expect(200)).body;
    expect(overview.followUps.map((f: { notes: string }) => f.notes)).toEqual(expect.arrayContaining(written.followUps));
    expect(overview.participants.map((p: { fullName: string }) => p.fullName)).toEqual(expect.arrayContaining(written.relatives));
    expect(overview.services.find((s: { id: string }) => s.id === service.id).notes).toBe(written.serviceNotes);
  });

  it('runs as npm run key:rotate -- --data-keys: progress lines, a new key per table, every field under it', async () => {
    const rotated = runServerScript(
      'server/src/platform/crypto/key-rotate.cli.ts',
      { DATABASE_URL: process.env.RUTA_TEST_OWNER_URL!, RUTA_SECRET_KEY: NEW_KEY, RUTA_DATA_DIR: tmpdir() },
      ['--data-keys', '--settle-seconds', '0'],
      180_000,
    );
    expect(rotated.stderr).toBe('');
    expect(rotated.status).toBe(0);
    expect(rotated.stdout).toContain('Created ');
    expect(rotated.stdout).toMatch(/case_notes: \d+ values under key \d+; retired key \d+/);
    expect(rotated.stdout).toMatch(/Rotated the data keys of \d+ tables: \d+ values re-encrypted, \d+ old keys retired/);
    const verified = runServerScript('server/src/platform/crypto/keys-verify.cli.ts', { DATABASE_URL: process.env.RUTA_TEST_OWNER_URL!, RUTA_SECRET_KEY: NEW_KEY, RUTA_DATA_DIR: tmpdir() });
    expect(verified.stdout).toContain('Every encrypted field opens under the key in use');
    expect(verified.stdout).toMatch(/key \d+ \(case_notes, generation 3, current\): \d+ values/);
    expect(verified.stdout).toMatch(/key \d+ \(case_notes, generation 2, retired\): 0 values/);
    expect(verified.status).toBe(0);
    // The running server picks the new keys up (here at once; by itself within its refresh interval) and reads on.
    expect(await app.get<FieldKeyRing>(FIELD_CIPHER).refresh()).toBe(true);
    const notes = (await caseworker.get(`/api/cases/${code}/notes`).expect(200)).body.map((n: { body: string }) => n.body);
    expect(notes).toEqual(expect.arrayContaining(written.notes));
  });
});
