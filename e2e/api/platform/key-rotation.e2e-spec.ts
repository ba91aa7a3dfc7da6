import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createApp } from '@ruta/server/app';
import { SecretBox } from '@ruta/platform';
import { keyFingerprint } from '@ruta/server/platform/backup/backup-format';
import { SEALED_COLUMNS, SealedColumn } from '@ruta/server/platform/crypto/key-rotation';
import { loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';
import { TEST_SECRET_KEY, testConfig } from '../../support/test-config';
import { runServerScript } from '../../support/server-process';

// The commands run in child processes, as `npm run key:rotate` and `npm run audit:verify` run them.
jest.setTimeout(120_000);

const NEW_KEY = randomBytes(32).toString('hex');
/** A value in the secret box's format: `v1.<iv: 12 bytes>.<tag: 16 bytes>.<ciphertext>`, base64url. */
const SEALED_FORMAT = '^v1\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]+$';

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('npm run key:rotate: every sealed secret under a new key, in one transaction', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ruta-key-rotation-'));
  let ownerUrl: string;
  let anchors: string;
  /** Every sealed value of the database before the rotation, by `table.column` and row. */
  let before: Map<string, string>;

  const cli = (script: string, env: Record<string, string>) =>
    runServerScript(script, { DATABASE_URL: ownerUrl, RUTA_DATA_DIR: scratch, AUDIT_ANCHOR_FILE: anchors, ...env });
  const rotate = (oldKey: string | undefined, newKey = NEW_KEY) =>
    cli('server/src/platform/crypto/key-rotate.cli.ts', { ...(oldKey ? { RUTA_OLD_SECRET_KEY: oldKey } : {}), RUTA_SECRET_KEY: newKey });
  const verify = (key: string) => cli('server/src/platform/audit/verify.cli.ts', { RUTA_SECRET_KEY: key });

  /** The columns of SEALED_COLUMNS whose tables this schema has (every area's migration is there in a full checkout). */
  let present: SealedColumn[];

  /** The sealed values of every column that SEALED_COLUMNS names, by `table.column:id`. */
  const sealedValues = () =>
    withClient(ownerUrl, async (client) => {
      const values = new Map<string, string>();
      for (const { table, key, column } of present) {
        const { rows } = await client.query(`SELECT "${key}"::text AS id, "${column}" AS value FROM "${table}" WHERE "${column}" IS NOT NULL`);
        for (const row of rows) values.set(`${table}.${column}:${row.id}`, row.value);
      }
      return values;
    });

  /** Every sealed value opens with `key`. */
  const expectUnder = async (key: string) => {
    const box = new SecretBox(Buffer.from(key, 'hex'));
    for (const value of (await sealedValues()).values()) expect(() => box.open(value)).not.toThrow();
  };

  beforeAll(async () => {
    const app: INestApplication = await createTestApp();
    ownerUrl = process.env.RUTA_TEST_OWNER_URL!;
    anchors = process.env.RUTA_TEST_ANCHOR_FILE!;
    const tables = await withClient(ownerUrl, async (client) =>
      (await client.query(`SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`)).rows.map(
        (r) => r.relname,
      ),
    );
    present = SEALED_COLUMNS.filter((c) => tables.includes(c.table));
    try {
      // A sealed intake draft beside the demo accounts' sealed TOTP secrets, and a login with its second factor.
      const police = await loginAs(app, 'investigator@policia.demo');
      await police.put('/api/case-drafts/mine', { step: 2, value: { victim: { givenNames: 'Borrador Rotación' } } }).expect(200);
      await loginAs(app, 'coordinator@mininterior.demo');
    } finally {
      // Every instance is stopped for a rotation (README, Deploying).
      await app.close();
    }
    // The first verification anchors the head, the second holds the chain against that anchor.
    expect(verify(TEST_SECRET_KEY).status).toBe(0);
    expect(verify(TEST_SECRET_KEY).stdout).toContain('Anchors agree');
    before = await sealedValues();
    // The keyed hashes the areas wrote are the construction the rotation recomputes.
    await expectUnder(TEST_SECRET_KEY);
  }, 60_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('knows every column that holds sealed values (a new sealed column must join SEALED_COLUMNS)', async () => {
    const found = await withClient(ownerUrl, async (client) => {
      const { rows: columns } = await client.query<{ table: string; column: string }>(
        `SELECT c.table_name AS table, c.column_name AS column FROM information_schema.columns c
           JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
          WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying')`,
      );
      const holding: string[] = [];
      for (const { table, column } of columns) {
        const { rows } = await client.query(`SELECT 1 FROM "${table}" WHERE "${column}" ~ $1 LIMIT 1`, [SEALED_FORMAT]);
        if (rows.length) holding.push(`${table}.${column}`);
      }
      return holding.sort();
    });
    // Not vacuous: the demo accounts' TOTP secrets and the draft are found by the scan.
    expect(found).toEqual(expect.arrayContaining(['case_drafts.payload', 'users.mfaSecret']));
    expect(present.map((c) => `${c.table}.${c.column}`)).toEqual(expect.arrayContaining(found));
  });

  it('refuses, in one line and changing nothing, without the old key or with a wrong one', async () => {
    const anchorFile = readFileSync(anchors, 'utf8');
    const missing = rotate(undefined);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(
      '[ruta] Key rotation failed: RUTA_OLD_SECRET_KEY is not set: give the key the secrets are sealed with now\n',
    );
    const same = rotate(TEST_SECRET_KEY, TEST_SECRET_KEY);
    expect(same.status).toBe(1);
    expect(same.stderr).toMatch(/^\[ruta\] Key rotation failed: RUTA_OLD_SECRET_KEY and RUTA_SECRET_KEY are the same key/);
    const wrong = rotate(randomBytes(32).toString('hex'));
    expect(wrong.status).toBe(1);
    expect(wrong.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^\[ruta\] Key rotation failed: \d+ sealed values in users\.mfaSecret open with neither RUTA_OLD_SECRET_KEY nor RUTA_SECRET_KEY: is RUTA_OLD_SECRET_KEY the key in use\? Nothing was changed$/,
      ),
    ]);
    expect(await sealedValues()).toEqual(before);
    expect(readFileSync(anchors, 'utf8')).toBe(anchorFile);
    expect(existsSync(`${anchors}.rotating`)).toBe(false);
  });

  it('re-seals every secret: readable with the new key, not with the old one, each re-sealed row audited', async () => {
    const result = rotate(TEST_SECRET_KEY);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const [from, to] = [TEST_SECRET_KEY, NEW_KEY].map((key) => keyFingerprint(Buffer.from(key, 'hex')));
    const sealedCount = before.size;
    expect(result.stdout).toContain(
      `Re-sealed ${sealedCount} secrets from the key with fingerprint ${from} to the key with fingerprint ${to} in one transaction`,
    );
    expect(result.stdout).toMatch(/Audit anchors re-signed under the new key: [1-9]\d* lines in /);
    expect(sealedCount).toBeGreaterThanOrEqual(3);

    const after = await sealedValues();
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const [oldBox, newBox] = [new SecretBox(Buffer.from(TEST_SECRET_KEY, 'hex')), new SecretBox(Buffer.from(NEW_KEY, 'hex'))];
    for (const [row, value] of after) {
      expect(value).not.toBe(before.get(row));
      expect(newBox.open(value)).toBe(oldBox.open(before.get(row)!));
      expect(() => oldBox.open(value)).toThrow();
    }
    await expectUnder(NEW_KEY);
    const audited = await withClient(ownerUrl, async (client) =>
      Number((await client.query(`SELECT count(*) AS n FROM audit_events WHERE details->>'reason' = 'secret_key_rotation'`)).rows[0].n),
    );
    expect(audited).toBe(sealedCount);
  });

  it('keeps the audit trail verifiable under the new key (anchors re-signed), and no longer under the old one', () => {
    const underNew = verify(NEW_KEY);
    expect(underNew.status).toBe(0);
    expect(underNew.stdout).toMatch(/Audit trail intact: [1-9]\d* events verified/);
    expect(underNew.stdout).toContain('Anchors agree');
    const underOld = verify(TEST_SECRET_KEY);
    expect(underOld.status).toBe(1);
    expect(underOld.stdout).toMatch(/AUDIT TRAIL BROKEN against its anchors .*written under another RUTA_SECRET_KEY/);
  });

  it('lets the accounts with two-factor log in and the draft open with the new key', async () => {
    const config = testConfig({ RUTA_SECRET_KEY: NEW_KEY, AUDIT_ANCHOR_FILE: anchors });
    const app = await createApp(
      config,
      { app: process.env.RUTA_TEST_APP_URL!, system: process.env.RUTA_TEST_SYSTEM_URL! },
      { logs: false },
    );
    await app.init();
    try {
      const coordinator = await loginAs(app, 'coordinator@mininterior.demo');
      expect((await coordinator.get('/api/auth/me').expect(200)).body.email).toBe('coordinator@mininterior.demo');
      const police = await loginAs(app, 'investigator@policia.demo');
      const draft = await police.get('/api/case-drafts/mine').expect(200);
      expect(draft.body).toMatchObject({ step: 2, value: { victim: { givenNames: 'Borrador Rotación' } } });
    } finally {
      await app.close();
    }
  });

  it('changes nothing when run again (an instance with its own anchor file runs it too)', async () => {
    const sealed = await sealedValues();
    const again = rotate(TEST_SECRET_KEY);
    expect(again.status).toBe(0);
    const sealedCount = sealed.size;
    expect(again.stdout).toMatch(new RegExp(`Re-sealed 0 secrets .*; ${sealedCount} were under the new key already`));
    expect(await sealedValues()).toEqual(sealed);
    expect(verify(NEW_KEY).status).toBe(0);
  });
});
