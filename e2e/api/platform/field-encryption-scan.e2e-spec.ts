import { Client } from 'pg';
import { ENCRYPTED_FIELDS } from '@ruta/server/platform/crypto/field-cipher';
import { clearScanSql, encryptClearFields, loadFieldCipher } from '@ruta/server/platform/crypto/field-keys';
import { cloneTestDatabase } from '../../support/test-database';
import { TEST_SECRET_KEY } from '../../support/test-config';
import { rowsOf } from '../../support/owner-scan';

jest.setTimeout(300_000);


/** Every encrypted column has a partial index of its clear rows (`IDX_<table>_<column>_clear`, migration 1764405300000). */
const INDEXED = ENCRYPTED_FIELDS.map((f) => `${f.table}.${f.column}`);
const NOTES = 200_000;

/**
 * Issue 16, the start-up clear-value scan at scale: `encryptClearFields` runs at every start. With 200,000 encrypted
 * notes (and the seeded rows) it reads each column's partial index of clear rows — empty — instead of the table, so a
 * normal start stays cheap; rows left in clear by SQL still enter the index and are encrypted, in batches.
 */
describe('the start-up clear-value scan at scale', () => {
  let client: Client;
  const masterKey = Buffer.from(TEST_SECRET_KEY, 'hex');

  beforeAll(async () => {
    const { ownerUrl } = await cloneTestDatabase();
    client = new Client({ connectionString: ownerUrl });
    await client.connect();
    // Bulk SQL past the entities: 200,000 notes in the encrypted format (what the step leaves behind), on one seeded case.
    expect((await client.query(`SELECT count(*)::int AS n FROM cases`)).rows[0].n).toBeGreaterThan(0);
    await client.query(
      `INSERT INTO case_notes ("caseId", "authorId", "authorInstitutionId", body)
       SELECT n."caseId", n."authorId", n."authorInstitutionId", 'enc:Ae8AAAAB' || md5(i::text) FROM generate_series(1, ${NOTES}) i, (SELECT c.id AS "caseId", c."createdById" AS "authorId", c."ownerInstitutionId" AS "authorInstitutionId" FROM cases c LIMIT 1) n`,
    );
    await client.query(`ANALYZE`);
    expect((await client.query(`SELECT count(*)::int AS n FROM case_notes`)).rows[0].n).toBeGreaterThanOrEqual(NOTES);
  });
  afterAll(async () => {
    await client?.end();
  });

  it('reads every encrypted column through its partial index of clear rows, never the table', async () => {
    const fields = ENCRYPTED_FIELDS;
    expect(INDEXED).toEqual(expect.arrayContaining(['victims.phone', 'case_notes.body', 'case_documents.content', 'referrals.message', 'hotline_contacts.summary']));
    const plan = async (sql: string) => JSON.stringify((await client.query(`EXPLAIN (FORMAT JSON) ${sql}`)).rows[0]['QUERY PLAN']);
    const seqScanOf = (table: string) => new RegExp(`"Node Type":"Seq Scan"[^}]*"Relation Name":"${table}"`);
    // The big table: the planner picks the index by itself.
    const notes = await plan(clearScanSql(fields.find((f) => f.table === 'case_notes')!));
    expect(notes).toContain('"Index Name":"IDX_case_notes_body_clear"');
    expect(notes).not.toMatch(seqScanOf('case_notes'));
    // Every column: the statement's condition is the index's predicate (a few seeded rows are read whole, as cheap).
    await client.query(`SET enable_seqscan = off`);
    try {
      for (const field of fields) {
        const text = await plan(clearScanSql(field));
        expect({ column: `${field.table}.${field.column}`, index: text.includes(`"Index Name":"IDX_${field.table}_${field.column}_clear"`) }).toEqual({
          column: `${field.table}.${field.column}`,
          index: true,
        });
      }
    } finally {
      await client.query(`RESET enable_seqscan`);
    }
  });

  it('finds nothing in a normal start in a few milliseconds per column, and encrypts rows bulk SQL left in clear', async () => {
    const cipher = await loadFieldCipher(rowsOf(client), masterKey);
    const started = process.hrtime.bigint();
    const normal = await encryptClearFields(rowsOf(client), cipher);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(normal.every((c) => c.encrypted === 0)).toBe(true);
    // Reading 200,000 notes alone took longer than this; the index probes of every column take a few milliseconds.
    expect(ms).toBeLessThan(1500);
    // For the record: the statement the step ran before (whole-table keyset scan), on the notes alone, without the index.
    await client.query('BEGIN');
    await client.query(`DROP INDEX "IDX_case_notes_body_clear"`);
    const before = process.hrtime.bigint();
    await client.query(`SELECT id::text, body FROM case_notes WHERE body NOT LIKE 'enc:%' AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT 500`, [null]);
    const oldMs = Number(process.hrtime.bigint() - before) / 1e6;
    await client.query('ROLLBACK');
    process.stdout.write(
      `start-up clear-value scan, ${NOTES} encrypted notes and the seeded rows: ${ms.toFixed(0)} ms for ${normal.length} columns; the former whole-table scan of case_notes.body alone: ${oldMs.toFixed(0)} ms\n`,
    );

    await client.query(
      `INSERT INTO case_notes ("caseId", "authorId", "authorInstitutionId", body)
       SELECT n."caseId", n."authorId", n."authorInstitutionId", 'Nota cargada en bloque ' || i FROM generate_series(1, 1234) i, (SELECT c.id AS "caseId", c."createdById" AS "authorId", c."ownerInstitutionId" AS "authorInstitutionId" FROM cases c LIMIT 1) n`,
    );
    const loaded = await encryptClearFields(rowsOf(client), cipher);
    expect(loaded.filter((c) => c.encrypted > 0)).toEqual([{ column: 'case_notes.body', encrypted: 1234 }]);
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM case_notes WHERE body NOT LIKE 'enc:%'`);
    expect(rows[0].n).toBe(0);
    expect((await encryptClearFields(rowsOf(client), cipher)).every((c) => c.encrypted === 0)).toBe(true);
  });
});
