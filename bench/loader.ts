import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import {
  AGE_BAND, CASE_DOCUMENT_KIND, CASE_SCOPE, CASE_SOURCE, CASE_STATUS, CLOSE_REASON, DEMO_ACCOUNTS, DOCUMENT_TYPE, EXPLOITATION_PURPOSE,
  LABOUR_SECTOR, SCREENING_RESULT, SEX, TRAFFICKING_STATUS,
} from '@ruta/shared';
import { memberCountsFromScratch } from '@ruta/migrations';
import { sealHash } from '@ruta/server/platform/audit/audit-chain';
import { birthDateIndex, BLIND_INDEX_KEY_PURPOSE, blindIndex, nameWords, normalizeDocument, wordTokens } from '@ruta/server/platform/crypto/blind-index';
import { TEXT_PREFIX } from '@ruta/server/platform/crypto/field-cipher';
import { loadFieldCipher } from '@ruta/server/platform/crypto/field-keys';
import { AREAS } from './areas';
import type { BenchArea } from './areas/area';
import { FAMILY_NAMES, GIVEN_NAMES } from './names';
import { paramsFor } from './replay';
import { pick, rowsOf, sqlArray } from './sql';

/** Bench users per institution (weights: the centre's main case holders carry most cases). */
const USERS_PER_INSTITUTION: Record<string, number> = { policia: 60, fiscalia: 50, oim: 50, das: 40 };
const DEFAULT_USERS = 8;
/** Roles that create cases; demo accounts with one of them own cases too. */
const CREATING_ROLES = ['investigator', 'prosecutor', 'caseworker', 'supervisor', 'operator'];
const BATCH = 50_000;
const SEAL_BATCH = 500_000;
/** Case numbers of the loaded years start here (the demo seed used the first ones); intake continues past 950,000. */
const NUMBER_BASE = 1000;
const SEQUENCE_AFTER = 950_000;

export interface LoadOptions {
  cases: number;
  auditPerCase: number;
  log: (line: string) => void;
  /** The bench database's master key (`<data-dir>.secret`): the field keys are wrapped under it. */
  secretKey: Buffer;
}


/**
 * Fills a migrated, seeded database to `cases` synthetic cases with everything a case has (victim, shelter, screening,
 * trafficking event, consent, status history, assignment, notes, documents, link requests, saved filters, and each
 * area's rows: bench/areas) and
 * `auditPerCase` sealed audit events each. Set-based SQL in batches of 50,000 cases (generate_series), one transaction
 * each, so node holds no rows and a stopped load resumes where it stopped. Triggers and foreign keys are skipped while
 * loading (session_replication_role = replica) when the owner is a superuser; the loader computes what the triggers
 * would (the victim's institution) itself. The victims' identity is then encrypted and indexed (`indexVictims`).
 */
export async function loadCases(ownerUrl: string, options: LoadOptions): Promise<{ loaded: number; total: number }> {
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    await db.query(`SET synchronous_commit = off`);
    const [{ rolsuper }] = (await db.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`)).rows;
    await createBenchUsers(db);
    const users = (await db.query(`SELECT array_agg(u.id ORDER BY i.code, u.id) AS ids, array_agg(u."institutionId" ORDER BY i.code, u.id) AS insts
      FROM users u JOIN institutions i ON i.id = u."institutionId" JOIN roles r ON r.id = u."roleId"
      WHERE (u.email LIKE 'bench-%' OR u.email LIKE '%.demo') AND r.code = ANY($1)`, [CREATING_ROLES])).rows[0];
    const places = (await db.query(`SELECT array_agg(code ORDER BY code) AS munis, array_agg("departmentCode" ORDER BY code) AS deps FROM places WHERE kind = 'municipality'`)).rows[0];
    let from = await firstMissing(db, options.cases);
    const started = Date.now();
    const loadedBefore = from - 1;
    if (from <= options.cases) options.log(`Loading cases ${from.toLocaleString('en')}…${options.cases.toLocaleString('en')} with ${options.auditPerCase} audit events each`);
    while (from <= options.cases) {
      const to = Math.min(from + BATCH - 1, options.cases);
      await db.query('BEGIN');
      if (rolsuper) await db.query(`SET LOCAL session_replication_role = replica`);
      for (const statement of batchStatements(options)) await db.query(statement, paramsFor(statement, [from, to, users.ids, users.insts, places.munis, places.deps]));
      await db.query('COMMIT');
      const seconds = (Date.now() - started) / 1000;
      options.log(`  cases ${to.toLocaleString('en')} / ${options.cases.toLocaleString('en')}  (${seconds.toFixed(0)} s, ${Math.round((to - loadedBefore) / seconds).toLocaleString('en')} cases/s)`);
      from = to + 1;
    }
    for (const area of AREAS) await loadArea(db, area, options, { rolsuper, users, places });
    await indexVictims(db, options.secretKey, options.log);
    if (rolsuper) await recountSummaries(db, options.log);
    await db.query(`SELECT setval('case_code_seq', greatest((SELECT last_value FROM case_code_seq), ${SEQUENCE_AFTER}))`);
    await fillSmallTables(db);
    for (const area of AREAS) await area.afterLoad?.(db, options.log, options.secretKey);
    await sealAuditEvents(db, options.log);
    options.log('VACUUM ANALYZE (visibility maps for index-only scans, planner statistics)');
    await db.query(`VACUUM (ANALYZE)`);
    const [{ total }] = (await db.query(`SELECT count(*)::int AS total FROM cases`)).rows;
    return { loaded: options.cases - loadedBefore, total };
  } finally {
    await db.end();
  }
}

/**
 * An area's rows for cases 1..N, in batches of 50,000 cases a transaction, after the cases (so a database loaded before
 * the area existed gets them too): `bench_area_progress` remembers how far each area got, so a stopped load resumes.
 */
async function loadArea(db: Client, area: BenchArea, options: LoadOptions, with_: { rolsuper: boolean; users: { ids: string[]; insts: string[] }; places: { munis: string[]; deps: string[] } }): Promise<void> {
  const statements = area.batchStatements(options);
  if (!statements.length) return;
  await db.query(`CREATE TABLE IF NOT EXISTS bench_area_progress (area text PRIMARY KEY, loaded int NOT NULL)`);
  const done = (await db.query(`SELECT loaded FROM bench_area_progress WHERE area = $1`, [area.name])).rows[0]?.loaded ?? 0;
  let from = done + 1;
  if (from > options.cases) return;
  const started = Date.now();
  options.log(`Loading ${area.name} for cases ${from.toLocaleString('en')}…${options.cases.toLocaleString('en')}`);
  while (from <= options.cases) {
    const to = Math.min(from + BATCH - 1, options.cases);
    await db.query('BEGIN');
    if (with_.rolsuper) await db.query(`SET LOCAL session_replication_role = replica`);
    for (const statement of statements) await db.query(statement, paramsFor(statement, [from, to, with_.users.ids, with_.users.insts, with_.places.munis, with_.places.deps]));
    await db.query(`INSERT INTO bench_area_progress (area, loaded) VALUES ($1, $2) ON CONFLICT (area) DO UPDATE SET loaded = excluded.loaded`, [area.name, to]);
    await db.query('COMMIT');
    options.log(`  ${area.name} ${to.toLocaleString('en')} / ${options.cases.toLocaleString('en')}  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    from = to + 1;
  }
}

/**
 * The home counts' summary tables, which triggers keep exact in the product (case_counts: migration FastScopes;
 * case_member_counts and case_member_days: migration CaseMemberCounts) but which the load skipped with the triggers
 * (session_replication_role = replica): recomputed from the cases and live assignments, set-based, as those migrations
 * first filled them. Without it the investigator's, coordinator's and caseworker's counts would read the seed's few rows.
 */
async function recountSummaries(db: Client, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  await db.query('BEGIN');
  await db.query(`TRUNCATE case_counts, case_member_counts, case_member_days`);
  await db.query(`INSERT INTO case_counts ("ownerInstitutionId", status, slot, total, minors)
    SELECT "ownerInstitutionId", status, 0, count(*), count(*) FILTER (WHERE "minorAtIdentification") FROM cases GROUP BY 1, 2`);
  await db.query(memberCountsFromScratch(true));
  await db.query(`WITH m AS (SELECT id AS "caseId", "createdById" AS "userId" FROM cases WHERE "createdById" IS NOT NULL
      UNION SELECT "caseId", "userId" FROM case_assignments WHERE "unassignedAt" IS NULL)
    INSERT INTO case_member_days ("userId", "identifiedOn", status, total)
    SELECT m."userId", c."identifiedOn", c.status, count(*) FROM m JOIN cases c ON c.id = m."caseId" WHERE c."identifiedOn" IS NOT NULL GROUP BY 1, 2, 3`);
  await db.query('COMMIT');
  log(`Home-count summaries recounted (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

/** The first bench case number not loaded yet (the loader fills 1..N in order; a batch commits whole). */
async function firstMissing(db: Client, wanted: number): Promise<number> {
  let lo = 1;
  let hi = wanted + 1;
  // Binary search over "case g exists" (monotone: batches commit in order).
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const { rowCount } = await db.query(`SELECT 1 FROM cases WHERE id = md5('bench-case-' || $1::int)::uuid`, [mid]);
    if (rowCount) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

async function createBenchUsers(db: Client): Promise<void> {
  const { rows } = await db.query(`SELECT i.id, i.code FROM institutions i`);
  const roles = (await db.query(`SELECT code, id FROM roles`)).rows as { code: string; id: string }[];
  const roleId = (code: string) => roles.find((r) => r.code === code)?.id;
  for (const institution of rows as { id: string; code: string }[]) {
    const demo = DEMO_ACCOUNTS.filter((a) => a.institution === institution.code && CREATING_ROLES.includes(a.role)).map((a) => a.role);
    const count = USERS_PER_INSTITUTION[institution.code] ?? DEFAULT_USERS;
    const codes = demo.length ? demo : ['investigator'];
    await db.query(
      `INSERT INTO users (email, name, "institutionId", "roleId", "passwordHash", version)
       SELECT 'bench-' || n || '@' || $1 || '.bench', 'Usuaria Bench ' || n, $2, ($3::uuid[])[1 + n % array_length($3::uuid[], 1)], 'x', 1
       FROM generate_series(1, $4) n
       ON CONFLICT DO NOTHING`,
      [institution.code, institution.id, codes.map(roleId).filter(Boolean), count],
    );
  }
}

function batchStatements(options: LoadOptions): string[] {
  // $1 from, $2 to, $3 user ids, $4 their institutions, $5 municipalities, $6 their departments.
  const series = `FROM generate_series($1::int, $2::int) g`;
  const caseId = `md5('bench-case-' || g)::uuid`;
  const user = `(1 + (g::bigint * 2654435761::bigint) % array_length($3::uuid[], 1))`;
  const creator = `($3::uuid[])[${user}]`;
  const owner = `($4::uuid[])[${user}]`;
  const created = `(timestamptz '2021-01-01 08:00:00+00' + (g::float8 / ${options.cases + 1}) * interval '2160 days')`;
  const status = pick(CASE_STATUS.values, 1);
  const muni = `(1 + (g::bigint * 40503)::bigint % array_length($5::text[], 1))`;
  const given = `(${sqlArray(GIVEN_NAMES)})[1 + (g::bigint * 7919)::bigint % ${GIVEN_NAMES.length}] || CASE WHEN g % 3 <> 0 THEN ' ' || (${sqlArray(GIVEN_NAMES)})[1 + (g::bigint * 15485863)::bigint % ${GIVEN_NAMES.length}] ELSE '' END`;
  const family = `(${sqlArray(FAMILY_NAMES)})[1 + (g::bigint * 104729)::bigint % ${FAMILY_NAMES.length}] || CASE WHEN g % 5 <> 0 THEN ' ' || (${sqlArray(FAMILY_NAMES)})[1 + (g::bigint * 32452843)::bigint % ${FAMILY_NAMES.length}] ELSE '' END`;
  const actions = sqlArray(['create', 'read', 'read', 'update', 'read', 'search', 'read', 'transition', 'read', 'read']);
  return [
    `INSERT INTO cases (id, code, "ownerInstitutionId", "createdById", source, scope, "identifiedOn", "departmentCode", "municipalityCode",
       "traffickingStatus", status, "statusBeforeSuspension", "closeReason", "statusChangedAt", "minorAtIdentification", "minorAtExploitation",
       "childWelfareFlag", "ageBand", purposes, "labourSector", "meansOfControl", "createdAt", "updatedAt", version)
     SELECT ${caseId}, 'RT-' || to_char(t.created, 'YYYY') || '-' || lpad((${NUMBER_BASE} + g % 900000)::text, 6, '0'), ${owner}, ${creator},
       ${pick(CASE_SOURCE.values, 2)}, ${pick(CASE_SCOPE.values, 3)}, (t.created - (g % 40) * interval '1 day')::date,
       ($6::text[])[${muni}], ($5::text[])[${muni}], ${pick(TRAFFICKING_STATUS.values, 4)}, s.status,
       CASE WHEN s.status = 'suspended' THEN 'follow_up' END, CASE WHEN s.status = 'closed' THEN ${pick(CLOSE_REASON.values, 5)} END,
       t.created + interval '3 days', g % 6 = 0, g % 5 = 0, g % 6 = 0, ${pick(AGE_BAND.values, 6)}, ARRAY[p.purpose],
       CASE WHEN p.purpose = 'forced_labour' THEN ${pick(LABOUR_SECTOR.values, 7)} END, ARRAY['threats', 'debt_bondage'], t.created,
       t.created + (g % 90) * interval '1 hour', 1
     ${series}
     CROSS JOIN LATERAL (SELECT ${created} AS created) t
     CROSS JOIN LATERAL (SELECT ${status} AS status) s
     CROSS JOIN LATERAL (SELECT ${pick(EXPLOITATION_PURPOSE.values, 8)} AS purpose) p`,
    // The identity in clear here; indexVictims() encrypts it and fills the blind indexes right after the batches.
    `INSERT INTO victims ("caseId", "ownerInstitutionId", "givenNames", "familyNames", sex, "birthDate", "birthYear", "estimatedAge", nationality,
       "documentType", "documentNumber", languages, "updatedAt")
     SELECT ${caseId}, ${owner}, n.given, n.family, ${pick(SEX.values.slice(0, 2), 9)}, to_char(b.birth, 'YYYY-MM-DD'), extract(year FROM b.birth)::smallint, NULL,
       (ARRAY['CO','CO','CO','VE','VE','EC','PE','DO'])[1 + g % 8], ${pick(DOCUMENT_TYPE.values, 10)}, (10000000 + g)::text, ARRAY['es'], now()
     ${series} CROSS JOIN LATERAL (SELECT ${given} AS given, ${family} AS family) n
     CROSS JOIN LATERAL (SELECT date '1960-01-01' + ((g::bigint * 7)::bigint % 20000)::int AS birth) b`,
    `INSERT INTO victim_locations ("caseId", "shelterLocation") SELECT ${caseId}, 'Hogar de acogida ' || (g % 40) || ', habitación ' || (g % 12) ${series} WHERE g % 3 = 0`,
    `INSERT INTO screenings ("caseId", "screenedOn", acts, means, purposes, indicators, result, "createdById", "createdAt")
     SELECT ${caseId}, c."identifiedOn", ARRAY['recruitment','harbouring'], ARRAY['coercion'], c.purposes, ARRAY['no_identity_documents'],
       ${pick(SCREENING_RESULT.values, 11)}, c."createdById", c."createdAt"
     ${series} JOIN cases c ON c.id = ${caseId}`,
    `INSERT INTO trafficking_events ("caseId", kind, "countryCode", "departmentCode", "municipalityCode", "startedOn", "createdAt")
     SELECT c.id, 'exploitation', 'CO', c."departmentCode", c."municipalityCode", c."identifiedOn" - 200, c."createdAt"
     ${series} JOIN cases c ON c.id = ${caseId}`,
    `INSERT INTO consents ("caseId", purpose, "grantedBy", method, "grantedAt", "recordedById", "createdAt")
     SELECT c.id, 'data_processing', 'self', 'written', c."createdAt", c."createdById", c."createdAt" ${series} JOIN cases c ON c.id = ${caseId}`,
    `INSERT INTO case_status_transitions ("caseId", "fromStatus", "toStatus", "byUserId", "byInstitutionId", at)
     SELECT c.id, x.from_status, x.to_status, c."createdById", c."ownerInstitutionId", c."createdAt" + x.after
     ${series} JOIN cases c ON c.id = ${caseId}
     CROSS JOIN LATERAL (VALUES (NULL::text, 'received'::text, interval '0'), ('received', c.status, interval '3 days')) x(from_status, to_status, after)
     WHERE x.from_status IS NULL OR c.status <> 'received'`,
    // Half of the cases assigned to a colleague of the creator (the next user of the same institution).
    `INSERT INTO case_assignments ("caseId", "userId", "assignedById", "assignedAt", "unassignedAt")
     SELECT c.id, CASE WHEN ($4::uuid[])[1 + ${user} % array_length($3::uuid[], 1)] = c."ownerInstitutionId" THEN ($3::uuid[])[1 + ${user} % array_length($3::uuid[], 1)] ELSE c."createdById" END,
       c."createdById", c."createdAt" + interval '1 day', CASE WHEN g % 10 = 0 THEN c."createdAt" + interval '30 days' END
     ${series} JOIN cases c ON c.id = ${caseId} WHERE g % 2 = 0`,
    `INSERT INTO case_notes ("caseId", "authorId", "authorInstitutionId", restricted, body, "createdAt")
     SELECT c.id, c."createdById", c."ownerInstitutionId", g % 10 = 0, 'Seguimiento telefónico: la víctima confirma su situación y pide acompañamiento (' || g || ').',
       c."createdAt" + (g % 20) * interval '1 day'
     ${series} JOIN cases c ON c.id = ${caseId} WHERE g % 2 = 0`,
    `INSERT INTO case_documents ("caseId", kind, "contentType", "sizeBytes", sha256, content, "uploadedById", "uploadedByInstitutionId", "createdAt")
     SELECT c.id, ${pick(CASE_DOCUMENT_KIND.values, 12)}, 'application/pdf', 64, encode(sha256(d.content), 'hex'), d.content, c."createdById", c."ownerInstitutionId", c."createdAt"
     ${series} JOIN cases c ON c.id = ${caseId} CROSS JOIN LATERAL (SELECT convert_to(rpad('%PDF-1.4 bench ' || g, 64, '.'), 'UTF8') AS content) d
     WHERE g % 50 = 0`,
    `INSERT INTO audit_events ("occurredAt", "actorUserId", "actorInstitutionId", "actorRole", action, "entityType", "entityId", outcome, "requestId", ip, details)
     SELECT ${created} + k * interval '7 hours', ${creator}, ${owner}, 'investigator', (${actions})[1 + k % 10], 'case', ${caseId}::text, 'success',
       md5(g || '-' || k), '10.20.' || (g % 250) || '.' || (k % 250), jsonb_build_object('via', 'bench', 'n', k)
     ${series} CROSS JOIN generate_series(0, ${options.auditPerCase - 1}) k ORDER BY g, k`,
  ].filter((statement) => options.auditPerCase > 0 || !statement.includes('audit_events'));
}

const INDEX_BATCH = 50_000;
const IDENTITY = ['givenNames', 'familyNames', 'birthDate'] as const;

/**
 * Encrypts and indexes (blind indexes) every victim without name tokens: the rows this load wrote, or a database loaded
 * before the identity was encrypted (resumable: `nameTokens` IS NULL marks what is left). Set-based: the tokens are
 * computed in node once per distinct word and the names, birth dates encrypted once per distinct value (temporary
 * tables); each victim's token array is built in SQL from its words. Only the document number, unique per victim, is
 * encrypted and hashed per row, in keyset batches of 50,000 with a progress line.
 */
async function indexVictims(db: Client, secretKey: Buffer, log: (line: string) => void): Promise<void> {
  // Rows with aliases (none of the loader's) are left to the server's start-up step, which tokenises them too.
  const [{ pending }] = (await db.query(`SELECT count(*)::int AS pending FROM victims WHERE "nameTokens" IS NULL AND aliases IS NULL`)).rows;
  if (!pending) return;
  const started = Date.now();
  log(`Encrypting and indexing the identity of ${pending.toLocaleString('en')} victims`);
  const cipher = await loadFieldCipher(rowsOf(db), secretKey, { create: true });
  const key = cipher.dataKey(BLIND_INDEX_KEY_PURPOSE);
  const open = (column: string, value: string) => (value.startsWith(TEXT_PREFIX) ? cipher.decryptText('victims', column, value) : value);
  // Tokens once per distinct word (the names combine a few hundred words).
  const words = new Map<string, string[]>();
  const tokensOf = (name: string) => [...new Set(nameWords(name).flatMap((w) => words.get(w) ?? words.set(w, wordTokens(key, w)).get(w)!))];

  await db.query(`CREATE TEMP TABLE IF NOT EXISTS bench_identity (kind text, stored text, clear text, enc text, hash text, PRIMARY KEY (kind, stored))`);
  await db.query(`CREATE TEMP TABLE IF NOT EXISTS bench_word_tokens (kind text, stored text, tokens bigint[], PRIMARY KEY (kind, stored))`);
  await db.query(`TRUNCATE bench_identity, bench_word_tokens`);
  for (const column of IDENTITY) {
    const { rows } = await db.query(`SELECT DISTINCT "${column}" AS v FROM victims WHERE "nameTokens" IS NULL AND aliases IS NULL AND "${column}" IS NOT NULL`);
    const stored: string[] = rows.map((r) => r.v);
    for (let i = 0; i < stored.length; i += 20_000) {
      const chunk = stored.slice(i, i + 20_000);
      const clear = chunk.map((v) => open(column, v));
      await db.query(`INSERT INTO bench_identity SELECT $1, s, c, e, h FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS x(s, c, e, h)`, [
        column, chunk, clear, clear.map((c, j) => (chunk[j].startsWith(TEXT_PREFIX) ? chunk[j] : cipher.encryptText('victims', column, c))),
        column === 'birthDate' ? clear.map((c) => birthDateIndex(key, c)) : clear.map(() => null),
      ]);
      if (column !== 'birthDate') {
        await db.query(`INSERT INTO bench_word_tokens SELECT $1, s, t::bigint[] FROM unnest($2::text[], $3::text[]) AS x(s, t)`, [
          column, chunk, clear.map((c) => `{${tokensOf(c).join(',')}}`),
        ]);
      }
    }
  }
  await db.query(`ANALYZE bench_identity, bench_word_tokens`);

  let last: string | null = null;
  let done = 0;
  for (;;) {
    const { rows }: { rows: { id: string; doc: string | null }[] } = await db.query(
      `SELECT "caseId"::text AS id, "documentNumber" AS doc FROM victims WHERE "nameTokens" IS NULL AND aliases IS NULL AND ($1::uuid IS NULL OR "caseId" > $1::uuid) ORDER BY "caseId" LIMIT ${INDEX_BATCH}`,
      [last],
    );
    if (!rows.length) break;
    last = rows[rows.length - 1].id;
    const docs = rows.map((r: { doc: string | null }) => (r.doc === null ? null : open('documentNumber', r.doc)));
    await db.query(
      `UPDATE victims v SET
         "nameTokens" = ARRAY(SELECT DISTINCT t FROM (
             SELECT w.tokens FROM bench_word_tokens w WHERE w.kind = 'givenNames' AND w.stored = v."givenNames"
             UNION ALL SELECT w.tokens FROM bench_word_tokens w WHERE w.kind = 'familyNames' AND w.stored = v."familyNames") w CROSS JOIN unnest(w.tokens) t),
         "givenNames" = (SELECT i.enc FROM bench_identity i WHERE i.kind = 'givenNames' AND i.stored = v."givenNames"),
         "familyNames" = (SELECT i.enc FROM bench_identity i WHERE i.kind = 'familyNames' AND i.stored = v."familyNames"),
         "birthDate" = (SELECT i.enc FROM bench_identity i WHERE i.kind = 'birthDate' AND i.stored = v."birthDate"),
         "birthYear" = (SELECT left(i.clear, 4)::smallint FROM bench_identity i WHERE i.kind = 'birthDate' AND i.stored = v."birthDate"),
         "birthDateHash" = (SELECT i.hash FROM bench_identity i WHERE i.kind = 'birthDate' AND i.stored = v."birthDate"),
         "documentNumber" = x.doc, "documentNumberHash" = x.hash
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS x(id, doc, hash) WHERE v."caseId" = x.id`,
      [
        rows.map((r: { id: string }) => r.id),
        rows.map((r: { doc: string | null }, i: number) => (r.doc === null ? null : r.doc.startsWith(TEXT_PREFIX) ? r.doc : cipher.encryptText('victims', 'documentNumber', docs[i]!))),
        docs.map((d: string | null) => blindIndex(key, normalizeDocument(d))),
      ],
    );
    done += rows.length;
    const seconds = (Date.now() - started) / 1000;
    log(`  victims indexed ${done.toLocaleString('en')} / ${pending.toLocaleString('en')}  (${seconds.toFixed(0)} s)`);
  }
  await db.query(`DROP TABLE bench_identity, bench_word_tokens`);
}

/**
 * Before the seeds of a run over a kept database: a database loaded before the identity was encrypted gets its victims
 * encrypted and indexed here, set-based, instead of row by row in the server's start-up step (victimIdentitySeed).
 */
export async function topUpVictimIdentities(ownerUrl: string, secretKey: Buffer, log: (line: string) => void): Promise<void> {
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    const { rowCount } = await db.query(`SELECT 1 FROM field_keys LIMIT 1`);
    if (rowCount) await indexVictims(db, secretKey, log);
  } finally {
    await db.end();
  }
}

/** Saved filters per user, a few link requests and links between institutions: small tables, filled once. */
async function fillSmallTables(db: Client): Promise<void> {
  await db.query(`INSERT INTO saved_filters ("userId", name, filters, version)
    SELECT u.id, f.name, f.filters::jsonb, 1 FROM users u
    CROSS JOIN (VALUES ('Seguimiento', '{"status":["follow_up"]}'), ('Menores', '{"minor":true}')) f(name, filters)
    WHERE u.email LIKE 'bench-%' ON CONFLICT DO NOTHING`);
  const { rowCount } = await db.query(`SELECT 1 FROM case_link_requests WHERE "requestingCaseCode" LIKE 'RT-%' AND "matchedOn" = 'document' LIMIT 1`);
  if (rowCount) return;
  await db.query(`INSERT INTO case_link_requests ("requestingCaseId", "requestingCaseCode", "requestingInstitutionId", "requestedById", "targetInstitutionId", "matchedOn", status, version)
    SELECT a.id, a.code, a."ownerInstitutionId", a."createdById", b."ownerInstitutionId", 'document', 'pending', 1
    FROM (SELECT id, code, "ownerInstitutionId", "createdById", row_number() OVER (ORDER BY id) n FROM cases TABLESAMPLE SYSTEM (1) LIMIT 500) a
    JOIN (SELECT "ownerInstitutionId", row_number() OVER (ORDER BY id DESC) n FROM cases TABLESAMPLE SYSTEM (1) LIMIT 500) b ON a.n = b.n
    WHERE a."ownerInstitutionId" <> b."ownerInstitutionId"`);
}

/**
 * Seals every unsealed event into the hash chain, set-based: a window aggregate carries the chain (sha256 of the
 * previous hash and the event's canonical text, exactly as audit-chain.ts sealHash), 500,000 events a statement.
 * The first seals are then recomputed in node to prove the two agree.
 */
async function sealAuditEvents(db: Client, log: (line: string) => void): Promise<void> {
  await db.query(`CREATE OR REPLACE FUNCTION ruta_bench_chain_step(state text, canonical text, seed text) RETURNS text LANGUAGE sql IMMUTABLE AS
    $$ SELECT encode(sha256(convert_to(coalesce(state, seed) || '|' || canonical, 'UTF8')), 'hex') $$`);
  await db.query(`CREATE OR REPLACE AGGREGATE ruta_bench_chain(text, text) (sfunc = ruta_bench_chain_step, stype = text)`);
  const [{ max }] = (await db.query(`SELECT coalesce(max(id), 0)::bigint AS max FROM audit_events`)).rows;
  const started = Date.now();
  for (;;) {
    const [last] = (await db.query(`SELECT s.seq::text AS seq, s."eventId"::text AS "eventId", s.hash FROM audit_seals s ORDER BY s.seq DESC LIMIT 1`)).rows;
    const after = last ? Number(last.eventId) : 0;
    if (after >= Number(max)) break;
    const upTo = Math.min(after + SEAL_BATCH, Number(max));
    await db.query(
      `INSERT INTO audit_seals (seq, "eventId", "prevHash", hash)
       SELECT $3::bigint + row_number() OVER w, id, coalesce(lag(hash) OVER w, $4), hash FROM (
         SELECT e.id, ruta_bench_chain(ruta_audit_canonical(e), $4) OVER (ORDER BY e.id ROWS UNBOUNDED PRECEDING) AS hash
         FROM audit_events e WHERE e.id > $1 AND e.id <= $2) chained
       WINDOW w AS (ORDER BY id)`,
      [after, upTo, last?.seq ?? 0, last?.hash ?? '0'.repeat(64)],
    );
    log(`  sealed audit events up to ${upTo.toLocaleString('en')} / ${Number(max).toLocaleString('en')}  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  const check = (await db.query(`SELECT s."prevHash", s.hash, ruta_audit_canonical(e) AS canonical FROM audit_seals s JOIN audit_events e ON e.id = s."eventId" ORDER BY s.seq DESC LIMIT 3`)).rows;
  for (const row of check) {
    if (sealHash(row.prevHash, row.canonical) !== row.hash) throw new Error('The loader\'s seals disagree with audit-chain.ts: refusing to go on');
  }
}

/** The bench database's blind-index key (the minimal name-search statement hashes its words with it, as the server). */
export async function blindIndexKeyOf(ownerUrl: string, secretKey: Buffer): Promise<Buffer> {
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    return (await loadFieldCipher(rowsOf(db), secretKey)).dataKey(BLIND_INDEX_KEY_PURPOSE);
  } finally {
    await db.end();
  }
}

/** A live, fully signed-in session of a user (the database derives the actor from it), as the cookie values. */
export async function openSession(ownerUrl: string, email: string): Promise<{ token: string; csrf: string; userId: string; institutionId: string }> {
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    const token = randomBytes(32).toString('hex');
    const csrf = randomBytes(32).toString('hex');
    const { rows } = await db.query(
      `INSERT INTO sessions ("tokenHash", "csrfToken", "userId", "mfaVerified", "expiresAt")
       SELECT encode(sha256(convert_to($1, 'UTF8')), 'hex'), $2, u.id, true, now() + interval '11 hours' FROM users u WHERE u.email = $3
       RETURNING "userId"`,
      [token, csrf, email],
    );
    if (!rows.length) throw new Error(`No user ${email} in the benchmark database`);
    const [user] = (await db.query(`SELECT id, "institutionId" FROM users WHERE id = $1`, [rows[0].userId])).rows;
    return { token, csrf, userId: user.id, institutionId: user.institutionId };
  } finally {
    await db.end();
  }
}
