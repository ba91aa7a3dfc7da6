import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import { MIGRATIONS } from '@ruta/migrations';
import { FIELD_CIPHER, FieldKeyRing } from '@ruta/server/platform/crypto/field-encryption';
import { loadFieldCipher, verifyFields } from '@ruta/server/platform/crypto/field-keys';
import { rotateDataKeys } from '@ruta/server/platform/crypto/data-key-rotation';
import { BLIND_INDEX_KEY_PURPOSE, FieldCipher } from '@ruta/platform';
import { indexTraffickerIdentities, traffickerIndexKey } from '@ruta/server/prosecutions/traffickers/trafficker-identity';
import { CreateTraffickerResponse, LinkGraph, TraffickerListItem } from '@ruta/shared';
import { newCaseRequest } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';
import { TEST_SECRET_KEY } from '../../support/test-config';
import { rowsOf, tablesMatching, withOwner } from '../../support/owner-scan';

jest.setTimeout(180_000);

const MASTER = Buffer.from(TEST_SECRET_KEY, 'hex');
const IDENTITY = ['name', 'aliases', 'documentNumber'] as const;

/**
 * Issue 16, the alleged traffickers' identity: name, aliases and document number are stored encrypted (migration
 * 1764405600000). Reading every column of every table as the owner finds none of the seeded or API-written identities,
 * while the investigators of the institution still search them by name (a typo and missing accents allowed) and by
 * exact document, get their possible duplicates, and read them in the detail, the link chart and the proceedings.
 */
describe('the alleged traffickers’ identity, encrypted', () => {
  const tag = randomBytes(4).toString('hex');
  const secret = { name: `María José Gómez Peñaloza ${tag}`, alias: `La Mona Cifrada ${tag}`, document: `1.023.${tag}-7` };
  let app: INestApplication;
  let police: ApiSession;
  let das: ApiSession;
  let created: CreateTraffickerResponse;
  let code: string;

  const search = async (session: ApiSession, q: string): Promise<TraffickerListItem[]> =>
    (await session.get(`/api/traffickers?q=${encodeURIComponent(q)}&limit=100`).expect(200)).body.items;

  /** Every value of an identity column, as stored and opened with the key in use. */
  async function storedIdentities(client: Client): Promise<{ id: string; stored: Record<string, string | null>; plain: string[]; tokens: string[] | null }[]> {
    const cipher: FieldCipher = await loadFieldCipher(rowsOf(client), MASTER);
    const { rows } = await client.query(`SELECT id, name, aliases, "documentNumber", "nameTokens" FROM alleged_traffickers`);
    return rows.map((r) => {
      const open = (c: string) => (r[c] === null ? null : cipher.decryptText('alleged_traffickers', c, r[c]));
      return {
        id: r.id,
        stored: Object.fromEntries(IDENTITY.map((c) => [c, r[c]])),
        plain: [open('name')!, ...(open('aliases') ? (JSON.parse(open('aliases')!) as string[]) : []), open('documentNumber')].filter((v): v is string => !!v),
        tokens: r.nameTokens,
      };
    });
  }

  beforeAll(async () => {
    app = await createTestApp();
    police = await loginAs(app, 'investigator@policia.demo');
    das = await loginAs(app, 'investigator@das.demo');
    code = (await police.post('/api/cases', newCaseRequest()).expect(201)).body.case.code;
    created = (
      await police
        .post('/api/traffickers', { kind: 'person', name: secret.name, aliases: [secret.alias], documentNumber: secret.document, roles: ['recruiter'], caseCodes: [code] })
        .expect(201)
    ).body;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('stores no seeded or written name, alias or document in clear in any column of any table', async () => {
    await withOwner(async (client) => {
      const all = await storedIdentities(client);
      for (const row of all) {
        expect(row.stored.name).toMatch(/^enc:[A-Za-z0-9_-]+$/);
        for (const c of ['aliases', 'documentNumber']) if (row.stored[c] !== null) expect(row.stored[c]).toMatch(/^enc:[A-Za-z0-9_-]+$/);
        expect(row.tokens?.length).toBeGreaterThan(0);
      }
      const plain = all.flatMap((r) => r.plain);
      // The demo file (arrested in operations, defendants in proceedings) and the one written through the API.
      expect(plain).toEqual(expect.arrayContaining([secret.name, secret.alias, secret.document, 'Alias El Ficticio 1', 'El Demo']));
      expect(all.length).toBeGreaterThan(10);
      // The scan finds what it looks for: the demo operations' names are stored in clear.
      expect(await tablesMatching(client, ['%operación ficticia aurora%'])).toEqual(['operations']);
      // Long enough not to occur by chance in other columns ("El Demo" is in demo texts of other areas).
      const probes = [...new Set(plain.filter((p) => p.length >= 12).map((p) => `%${p.toLowerCase()}%`))];
      expect(probes.length).toBeGreaterThan(10);
      expect(await tablesMatching(client, probes)).toEqual([]);
    });
  });

  it('gives the identity back to the institution’s investigators only: detail, list, link chart, proceedings', async () => {
    expect(created.trafficker).toMatchObject({ name: secret.name, aliases: [secret.alias], documentNumber: secret.document });
    expect((await police.get(`/api/traffickers/${created.trafficker.id}`).expect(200)).body).toMatchObject({ name: secret.name, aliases: [secret.alias], caseCodes: [code] });
    // The list: newest record first, so the one just written heads it.
    const first = (await police.get('/api/traffickers?limit=1').expect(200)).body.items[0];
    expect(first).toMatchObject({ id: created.trafficker.id, name: secret.name, aliases: [secret.alias] });
    const graph: LinkGraph = (await police.get(`/api/link-graph?node=trafficker:${created.trafficker.id}`).expect(200)).body;
    expect(graph.nodes[0]).toMatchObject({ kind: 'trafficker', label: secret.name });
    const fromCase: LinkGraph = (await police.get(`/api/link-graph?node=case:${code}`).expect(200)).body;
    expect(fromCase.nodes.find((n) => n.kind === 'trafficker')?.label).toBe(secret.name);
    expect((await police.get(`/api/cases/${code}/proceedings`).expect(200)).body.traffickers).toEqual([{ id: created.trafficker.id, name: secret.name }]);
    await das.get(`/api/traffickers/${created.trafficker.id}`).expect(404);
  });

  it('finds the trafficker by name with a typo and without accents, by alias, and by the document however written', async () => {
    const ids = async (session: ApiSession, q: string) => (await search(session, q)).map((t) => t.id);
    expect(await ids(police, `maria jose gomes penaloza ${tag}`)).toEqual([created.trafficker.id]);
    expect(await ids(police, `MARIA JOSÉ GÓMEZ PEÑALOSA ${tag}`)).toEqual([created.trafficker.id]);
    expect(await ids(police, `mona cifrda ${tag}`)).toEqual([created.trafficker.id]);
    expect(await ids(police, `1023${tag}7`)).toEqual([created.trafficker.id]);
    expect(await ids(police, ` 1 023 ${tag.toUpperCase()} 7`)).toEqual([created.trafficker.id]);
    // Every word must match; another institution finds nothing.
    expect(await ids(police, `maria penaloza ${tag} ausente`)).toEqual([]);
    expect(await ids(das, `maria jose gomez penaloza ${tag}`)).toEqual([]);
    expect(await ids(das, `1023${tag}7`)).toEqual([]);
    const page = (await police.get(`/api/traffickers?q=${encodeURIComponent(`penaloza ${tag}`)}`).expect(200)).body;
    expect(page.total).toEqual({ count: 1, more: false });
  });

  it('flags duplicates by the document however written and by a similar name, within the institution only', async () => {
    const byName: CreateTraffickerResponse = (await police.post('/api/traffickers', { kind: 'person', name: `Maria Jose Gomes Penaloza ${tag}` }).expect(201)).body;
    expect(byName.possibleDuplicates).toEqual([{ id: created.trafficker.id, name: secret.name, reason: 'name' }]);
    const byDocument: CreateTraffickerResponse = (await police.post('/api/traffickers', { kind: 'person', name: `Otro Nombre ${tag}`, documentNumber: `1023${tag}7` }).expect(201)).body;
    expect(byDocument.possibleDuplicates[0]).toEqual({ id: created.trafficker.id, name: secret.name, reason: 'document' });
    const elsewhere: CreateTraffickerResponse = (await das.post('/api/traffickers', { kind: 'person', name: secret.name, documentNumber: secret.document }).expect(201)).body;
    expect(elsewhere.possibleDuplicates).toEqual([]);
  });

  it('encrypts and indexes at start-up a row written in clear, audited, and finds it afterwards', async () => {
    const clear = { name: `Héctor Claro Antiguo ${tag}`, alias: `El Viejo Claro ${tag}`, document: `CC-77-${tag}` };
    const id = await withOwner(async (client) => {
      const { rows } = await client.query(
        `INSERT INTO alleged_traffickers ("institutionId", "createdById", kind, name, aliases, "documentNumber")
         SELECT u."institutionId", u.id, 'person', $1, $2, $3 FROM users u WHERE u.email = 'investigator@policia.demo' RETURNING id`,
        [clear.name, JSON.stringify([clear.alias]), clear.document],
      );
      return rows[0].id as string;
    });
    // Read as it is until then, but not found: it has no blind index yet.
    expect((await police.get(`/api/traffickers/${id}`).expect(200)).body).toMatchObject({ name: clear.name, aliases: [clear.alias], documentNumber: clear.document });
    expect(await search(police, `hector claro ${tag}`)).toEqual([]);
    // What the start-up step (traffickerIdentitySeed) runs, as the owner; a second run finds nothing.
    const done = await withOwner(async (client) => {
      const cipher = await loadFieldCipher(rowsOf(client), MASTER);
      const key = traffickerIndexKey(cipher.dataKey(BLIND_INDEX_KEY_PURPOSE));
      return [await indexTraffickerIdentities(rowsOf(client), cipher, key), await indexTraffickerIdentities(rowsOf(client), cipher, key)];
    });
    expect(done).toEqual([1, 0]);
    await withOwner(async (client) => {
      expect(await tablesMatching(client, Object.values(clear).map((v) => `%${v.toLowerCase()}%`))).toEqual([]);
      const { rows } = await client.query(`SELECT details FROM audit_events WHERE "entityType" = 'trafficker' AND "entityId" = $1 AND details->>'reason' = 'field_encryption'`, [id]);
      expect(rows.map((r) => r.details.fields)).toEqual([['name', 'aliases', 'documentNumber']]);
    });
    expect((await search(police, `ector claro ${tag}`)).map((t) => t.id)).toEqual([id]);
    expect((await search(police, `cc77${tag}`)).map((t) => t.id)).toEqual([id]);
    expect((await police.get(`/api/traffickers/${id}`).expect(200)).body).toMatchObject({ name: clear.name, aliases: [clear.alias], documentNumber: clear.document });
  });

  it('refuses to revert the migration once identities are encrypted (it would need the key)', async () => {
    await withOwner(async (client) => {
      const runner = { query: (sql: string, params?: unknown[]) => rowsOf(client).query(sql, params) } as unknown as QueryRunner;
      const migration = MIGRATIONS.find((m) => m.name === 'TraffickerIdentityEncryption1764405600000')!;
      await expect(new migration().down(runner)).rejects.toThrow(/encrypted or indexed under keys a migration does not have/);
      expect((await client.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'alleged_traffickers' AND column_name = 'nameTokens'`)).rows[0].n).toBe(1);
    });
  });

  it('rotates the table’s data key: every identity opens under the new one, reads and search unchanged', async () => {
    const ring = app.get<FieldKeyRing>(FIELD_CIPHER);
    const before = (await police.get(`/api/traffickers/${created.trafficker.id}`).expect(200)).body;
    const { rotated, verified } = await withOwner(async (client) => {
      const rotated = (await rotateDataKeys(rowsOf(client), MASTER, { settle: async () => void (await ring.refresh()) })).find((r) => r.table === 'alleged_traffickers')!;
      const verified = (await verifyFields(rowsOf(client), await loadFieldCipher(rowsOf(client), MASTER))).filter((v) => v.column.startsWith('alleged_traffickers.'));
      return { rotated, verified };
    });
    expect(rotated.reencrypted).toBeGreaterThan(10);
    expect(rotated.stillUsed).toEqual([]);
    expect(rotated.retired.length).toBe(1);
    expect(verified.map((v) => v.column).sort()).toEqual(['alleged_traffickers.aliases', 'alleged_traffickers.documentNumber', 'alleged_traffickers.name']);
    for (const v of verified) {
      expect({ column: v.column, failed: v.failed, clear: v.clear, keys: Object.keys(v.byKey) }).toEqual({ column: v.column, failed: [], clear: 0, keys: [String(rotated.keyId)] });
    }
    await ring.refresh();
    expect((await police.get(`/api/traffickers/${created.trafficker.id}`).expect(200)).body).toEqual(before);
    // The search still finds it (the blind-index key is not rotated), as well as its look-alike recorded above.
    expect((await search(police, `maria jose gomes penaloza ${tag}`)).map((t) => t.id)).toContain(created.trafficker.id);
  });
});
