import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BLIND_INDEX_KEY_PURPOSE } from '@ruta/platform';
import { loadFieldCipher } from '@ruta/server/platform/crypto/field-keys';
import { indexVictimIdentities } from '@ruta/server/cases/core/victim-identity-index';
import { newCaseRequest } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';
import { TEST_SECRET_KEY } from '../../support/test-config';
import { runServerScript } from '../../support/server-process';
import { rowsOf, tablesMatching, withOwner } from '../../support/owner-scan';

jest.setTimeout(120_000);


/** The tables whose row (as text) contains any of the values, read as the owner past row-level security. */
function tablesHolding(values: string[]): Promise<string[]> {
  const patterns = values.flatMap((v) => [`%${v.toLowerCase()}%`, `%${Buffer.from(v).toString('hex')}%`]);
  return withOwner((client) => tablesMatching(client, patterns));
}

/**
 * Issue 16, item 2: the victim's names, aliases, document number and birth date are stored encrypted; search and
 * duplicate detection work on blind indexes (HMAC under a data key of field_keys). Reading every column of every table
 * as the owner, or the backup, finds none of them; the API gives them back to who may read them, and finds the case by
 * a name typed without accents and with a typo, and by the document number.
 */
describe('victim identity: encrypted, searched through blind indexes', () => {
  const tag = randomBytes(3).toString('hex');
  const secrets = {
    givenNames: `Eufrosina Ildegarda${tag}`,
    familyNames: `Quintanilla Bohórquez${tag}`,
    alias: `Lamonita${tag}`,
    documentNumber: `4${String(randomBytes(4).readUInt32BE(0)).padStart(10, '0')}`,
    birthDate: '1931-07-19',
  };
  const scratch = mkdtempSync(join(tmpdir(), 'ruta-identity-encryption-'));
  let app: INestApplication;
  let police: ApiSession;
  let code: string;

  beforeAll(async () => {
    app = await createTestApp();
    police = await loginAs(app, 'investigator@policia.demo');
    const created = await police
      .post(
        '/api/cases',
        newCaseRequest({
          victim: { givenNames: secrets.givenNames, familyNames: secrets.familyNames, aliases: [secrets.alias], documentNumber: secrets.documentNumber, birthDate: secrets.birthDate },
        }),
      )
      .expect(201);
    code = created.body.case.code;
  });
  afterAll(async () => {
    await app?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('stores no name, alias, document number or birth date in clear in any column of any table', async () => {
    expect(await tablesHolding([code])).toContain('cases');
    expect(await tablesHolding(Object.values(secrets))).toEqual([]);
    const [victim] = await withOwner(async (client) =>
      (await client.query(`SELECT v."givenNames", v."familyNames", v.aliases, v."documentNumber", v."birthDate" FROM victims v JOIN cases c ON c.id = v."caseId" WHERE c.code = $1`, [code])).rows,
    );
    for (const value of Object.values(victim)) expect(value).toMatch(/^enc:[A-Za-z0-9_-]+$/);
  });

  it('puts none of them in clear in a backup (npm run backup)', () => {
    const file = join(scratch, 'ruta.backup.gz');
    const written = runServerScript('server/src/platform/backup/backup.cli.ts', { DATABASE_URL: process.env.RUTA_TEST_OWNER_URL!, RUTA_DATA_DIR: scratch, RUTA_SECRET_KEY: TEST_SECRET_KEY }, [file]);
    expect(written.status).toBe(0);
    const text = gunzipSync(readFileSync(file)).toString('utf8').toLowerCase();
    expect(text).toContain(code.toLowerCase());
    for (const value of Object.values(secrets)) expect(text).not.toContain(value.toLowerCase());
  });

  it('gives the identity back to the owner institution and finds the case by name (no accents, a typo), alias and document', async () => {
    const detail = (await police.get(`/api/cases/${code}`).expect(200)).body;
    expect(detail.victim).toMatchObject({ givenNames: secrets.givenNames, familyNames: secrets.familyNames, aliases: [secrets.alias], documentNumber: secrets.documentNumber, birthDate: secrets.birthDate });
    const typed = `eufrosina ${`quintanilla bohorques${tag}`}`;
    for (const name of [typed, `ildegarda${tag}`, `lamonita${tag}`]) {
      const found = (await police.post('/api/cases/search', { name, limit: 50 }).expect(200)).body;
      expect(found.items.map((c: { code: string }) => c.code)).toContain(code);
    }
    const byDocument = (await police.post('/api/cases/search', { documentNumber: secrets.documentNumber }).expect(200)).body;
    expect(byDocument.items.map((c: { code: string }) => c.code)).toEqual([code]);
    const das = await loginAs(app, 'investigator@das.demo');
    expect((await das.post('/api/cases/search', { name: typed }).expect(200)).body.items).toEqual([]);
  });

  it('indexes and encrypts at start-up an identity left in clear (a row from before the migration), once', async () => {
    const clear = { givenNames: `Anacleta${tag}`, familyNames: `Zarabanda${tag}`, documentNumber: `7${tag.replace(/\D/g, '1')}0099` };
    await withOwner((client) =>
      client.query(
        `UPDATE victims v SET "givenNames" = $2, "familyNames" = $3, aliases = NULL, "documentNumber" = $4, "nameTokens" = NULL, "documentNumberHash" = NULL
           FROM cases c WHERE c.id = v."caseId" AND c.code = $1`,
        [code, clear.givenNames, clear.familyNames, clear.documentNumber],
      ),
    );
    expect(await tablesHolding([clear.givenNames])).toEqual(['victims']);
    const run = () =>
      withOwner(async (client) => {
        const cipher = await loadFieldCipher(rowsOf(client), Buffer.from(TEST_SECRET_KEY, 'hex'));
        return indexVictimIdentities(rowsOf(client), cipher, cipher.dataKey(BLIND_INDEX_KEY_PURPOSE));
      });
    expect(await run()).toBe(1);
    expect(await run()).toBe(0);
    expect(await tablesHolding(Object.values(clear))).toEqual([]);
    const found = (await police.post('/api/cases/search', { name: `anacleta${tag} sarabanda${tag}` }).expect(200)).body;
    expect(found.items.map((c: { code: string }) => c.code)).toEqual([code]);
    const byDocument = (await police.post('/api/cases/search', { documentNumber: clear.documentNumber }).expect(200)).body;
    expect(byDocument.items.map((c: { code: string }) => c.code)).toEqual([code]);
    expect((await police.get(`/api/cases/${code}`).expect(200)).body.victim).toMatchObject({ ...clear, birthDate: secrets.birthDate });
  });
});
