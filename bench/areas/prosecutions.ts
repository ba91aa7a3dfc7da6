import type { Client } from 'pg';
import { DEFENDANT_SEX, DefendantStage, OPERATION_TYPE, PROCEEDING_VICTIM_ROLE, TRAFFICKER_ROLE } from '@ruta/shared';
import { BLIND_INDEX_KEY_PURPOSE, nameTokens, normalizeDocument, blindIndex } from '@ruta/server/platform/crypto/blind-index';
import { TEXT_PREFIX } from '@ruta/server/platform/crypto/field-cipher';
import { loadFieldCipher } from '@ruta/server/platform/crypto/field-keys';
import { HEARING_OF, pathToStage } from '@ruta/server/prosecutions/prosecutions.seed';
import { traffickerIndexKey } from '@ruta/server/prosecutions/traffickers/trafficker-identity';
import { FAMILY_NAMES, GIVEN_NAMES } from '../names';
import type { ScenarioContext } from '../scenarios';
import { pick, rowsOf, sqlArray } from '../sql';
import type { BenchArea } from './area';

/**
 * The benchmark's prosecutions, for N cases (proportions at 1,000,000):
 * - operations: one per 20 cases (50,000), two of three by the police, one by the DAS, each linked to three cases
 *   (150,000 links) and to one alleged trafficker arrested or not;
 * - alleged traffickers: 150,000 — the operations' (police, DAS) linked to the operation's three cases, and 100,000 of
 *   the Fiscalía, each a defendant in two proceedings (so linked to several cases) and linked to its case;
 * - proceedings: one per 5 cases (200,000, 20 %), Fiscalía, a quarter created by the demo prosecutor, each with its case
 *   as victim and one defendant, half of them a second (300,000 defendants) walked along the Law 906 stages of the
 *   shared state machine (`pathToStage`: the moves are legal, a preacuerdo among them), their history (~1.2 million
 *   stage events), the hearing that moved them to their current stage (with the next one scheduled while the matter is
 *   open) and an appeal against half the sentences.
 * The alleged traffickers' identity is written in clear and encrypted with its blind indexes in `afterLoad`, as the
 * server's start-up step (traffickerIdentitySeed) would, distinct names once. No trigger maintains anything here.
 */


/** Where the defendants end up (weights out of 100): most matters stay in inquiry or are filed away, few reach a verdict. */
const TARGETS: { stage: DefendantStage; weight: number; preacuerdo?: boolean }[] = [
  { stage: 'noticia_criminal', weight: 8 },
  { stage: 'indagacion', weight: 24 },
  { stage: 'archivo', weight: 16 },
  { stage: 'imputacion', weight: 8 },
  { stage: 'investigacion', weight: 7 },
  { stage: 'acusacion', weight: 5 },
  { stage: 'audiencia_preparatoria', weight: 4 },
  { stage: 'juicio_oral', weight: 4 },
  { stage: 'sentido_fallo', weight: 2 },
  { stage: 'sentencia_condenatoria', weight: 4 },
  { stage: 'sentencia_condenatoria', weight: 3, preacuerdo: true },
  { stage: 'sentencia_absolutoria', weight: 2 },
  { stage: 'incidente_reparacion', weight: 1 },
  { stage: 'ejecutoriada', weight: 4 },
  { stage: 'preclusion', weight: 5 },
  { stage: 'principio_oportunidad', weight: 3 },
];

/** Every path as legal moves (the shortcut from imputación straight to the conviction for a preacuerdo). */
const PATHS = TARGETS.map((t) => ({ stages: t.preacuerdo ? [...pathToStage('imputacion'), 'sentencia_condenatoria' as DefendantStage] : pathToStage(t.stage), preacuerdo: !!t.preacuerdo }));
const WEIGHTED = TARGETS.flatMap((t, i) => Array<number>(t.weight).fill(i + 1));
const PATHS_SQL = `(VALUES ${PATHS.map((p, i) => `(${i + 1}, ${sqlArray(p.stages)}, ${p.preacuerdo})`).join(', ')}) AS path(n, stages, preacuerdo)`;

const hearingType = (stage: string) => `CASE ${stage} ${Object.entries(HEARING_OF).map(([s, h]) => `WHEN '${s}' THEN '${h}'`).join(' ')} END`;
const FINAL = `ARRAY['ejecutoriada','preclusion','principio_oportunidad','archivo']::text[]`;

/** The bench and demo users of an institution (bench users of the police, DAS and Fiscalía have its demo account's role). */
const staff = (code: string, demo: string) => `(SELECT i.id AS inst, array_agg(u.id ORDER BY u.id) AS ids, (SELECT id FROM users WHERE email = '${demo}') AS demo
   FROM institutions i JOIN users u ON u."institutionId" = i.id WHERE i.code = '${code}' AND (u.email LIKE 'bench-%' OR u.email = '${demo}') GROUP BY i.id)`;
/** A demo account makes a share of the rows (1 in `every`), the institution's bench users the rest. */
const author = (s: string, every: number) => `CASE WHEN g % ${every * 20} < 20 THEN ${s}.demo ELSE ${s}.ids[1 + (g::bigint * 40503) % array_length(${s}.ids, 1)] END`;

const series = `FROM generate_series($1::int, $2::int) g`;
const caseOf = `JOIN cases c ON c.id = md5('bench-case-' || g)::uuid`;
/** Defendants of proceeding g (g % 5 = 0): the first is the Fiscalía trafficker of g (or of g - 5), a second (g - 15) for half. */
const DEFENDANTS = `${series}
  JOIN proceedings p ON p.id = md5('bench-proceeding-' || g)::uuid
  CROSS JOIN LATERAL (SELECT o, md5('bench-defendant-' || g || '-' || o)::uuid AS id,
      md5('bench-trafficker-' || CASE WHEN o = 2 THEN g - 15 WHEN g % 10 = 5 THEN g ELSE g - 5 END)::uuid AS trafficker,
      (ARRAY[${WEIGHTED.join(',')}])[1 + ((g * 2 + o)::bigint * 2654435761) % ${WEIGHTED.length}] AS path
    FROM generate_series(1, CASE WHEN g % 10 = 0 AND g > 20 THEN 2 ELSE 1 END) o) d
  JOIN ${PATHS_SQL} ON path.n = d.path
  CROSS JOIN LATERAL (SELECT greatest(1, least(45, (current_date - p."reportedOn") / cardinality(path.stages))) AS days,
      path.stages[cardinality(path.stages)] AS last) st
  WHERE g % 5 = 0`;

function batchStatements(): string[] {
  const police = staff('policia', 'investigator@policia.demo');
  const das = staff('das', 'investigator@das.demo');
  const fiscalia = staff('fiscalia', 'prosecutor@fiscalia.demo');
  const personName = `(${sqlArray(GIVEN_NAMES)})[1 + (g::bigint * 6151)::bigint % ${GIVEN_NAMES.length}] || ' ' || (${sqlArray(FAMILY_NAMES)})[1 + (g::bigint * 7127)::bigint % ${FAMILY_NAMES.length}]
    || ' ' || (${sqlArray(FAMILY_NAMES)})[1 + (g::bigint * 104723)::bigint % ${FAMILY_NAMES.length}]`;
  const traffickerName = `CASE WHEN g % 200 = 0 THEN 'Red Ficticia ' || (${sqlArray(FAMILY_NAMES)})[1 + (g::bigint * 7127)::bigint % ${FAMILY_NAMES.length}] ELSE ${personName} END`;
  const traffickerColumns = `(id, "institutionId", "createdById", kind, name, aliases, "documentNumber", nationality, sex, roles, "relationToVictim", "createdAt", "updatedAt", version)`;
  const traffickerValues = (roles: string) => `CASE WHEN g % 200 = 0 THEN 'organisation' ELSE 'person' END, ${traffickerName}, NULL,
      CASE WHEN g % 200 <> 0 AND g % 3 = 0 THEN (70000000 + g)::text END, (ARRAY['CO','CO','CO','VE','EC'])[1 + g % 5],
      CASE WHEN g % 200 = 0 THEN NULL ELSE ${pick(['male', 'male', 'female'], 21)} END, ARRAY[${roles}], CASE WHEN g % 4 = 0 THEN 'Conocido del barrio (ficticio)' END`;
  return [
    `INSERT INTO operations (id, "institutionId", "createdById", name, "occurredOn", "municipalityCode", type, arrests, description, "createdAt", "updatedAt", version)
     SELECT md5('bench-operation-' || g)::uuid, CASE WHEN (g / 20) % 3 = 2 THEN da.inst ELSE po.inst END,
       CASE WHEN (g / 20) % 3 = 2 THEN ${author('da', 3)} ELSE ${author('po', 3)} END, 'Operación Ficticia ' || g, c."identifiedOn" - 2, c."municipalityCode",
       ${pick(OPERATION_TYPE.values, 22)}, g % 4, 'Operación sintética del benchmark (datos ficticios)', c."createdAt", c."createdAt", 1
     ${series} ${caseOf} CROSS JOIN ${police} po CROSS JOIN ${das} da
     WHERE g % 20 = 0`,
    `INSERT INTO operation_cases ("operationId", "caseId") SELECT md5('bench-operation-' || (g - g % 20))::uuid, md5('bench-case-' || g)::uuid ${series} WHERE g % 20 < 3 AND g >= 20`,
    // The operations' alleged traffickers (same institution and author as the operation), then the Fiscalía's.
    `INSERT INTO alleged_traffickers ${traffickerColumns}
     SELECT md5('bench-trafficker-' || g)::uuid, o."institutionId", o."createdById", ${traffickerValues(`${pick(TRAFFICKER_ROLE.values.slice(0, 4), 23)}`)}, o."createdAt", o."createdAt", 1
     ${series} JOIN operations o ON o.id = md5('bench-operation-' || g)::uuid WHERE g % 20 = 0`,
    `INSERT INTO operation_traffickers ("operationId", "traffickerId", arrested) SELECT md5('bench-operation-' || g)::uuid, md5('bench-trafficker-' || g)::uuid, g % 40 = 0 ${series} WHERE g % 20 = 0`,
    `INSERT INTO alleged_traffickers ${traffickerColumns}
     SELECT md5('bench-trafficker-' || g)::uuid, f.inst, ${author('f', 4)}, ${traffickerValues(`${pick(TRAFFICKER_ROLE.values.slice(0, 4), 24)}`)}, c."createdAt", c."createdAt", 1
     ${series} ${caseOf} CROSS JOIN ${fiscalia} f WHERE g % 10 = 5`,
    `INSERT INTO trafficker_cases ("traffickerId", "caseId")
     SELECT md5('bench-trafficker-' || (g - g % 20))::uuid, md5('bench-case-' || g)::uuid ${series} WHERE g % 20 < 3 AND g >= 20
     UNION ALL SELECT md5('bench-trafficker-' || g)::uuid, md5('bench-case-' || g)::uuid ${series} WHERE g % 10 = 5`,
    // NUNC: the case's municipality, entity 60, a unit and a consecutive that together number the proceeding (unique).
    `INSERT INTO proceedings (id, "institutionId", "createdById", nunc, "reportedOn", "municipalityCode", "prosecutorUnit", "prosecutorName", offences, "operationId", "createdAt", "updatedAt", version)
     SELECT md5('bench-proceeding-' || g)::uuid, f.inst, ${author('f', 4)},
       c."municipalityCode" || '60' || lpad((10000 + (g / 5) / 100000)::text, 5, '0') || to_char(r.reported, 'YYYY') || lpad(((g / 5) % 100000)::text, 5, '0'),
       r.reported, c."municipalityCode", CASE WHEN g % 3 = 0 THEN 'Unidad Nacional contra la Trata de Personas' ELSE 'Dirección Seccional ' || c."departmentCode" END,
       'Fiscal Ficticio Bench ' || (g % 97), CASE WHEN g % 4 = 0 THEN ARRAY['art_188a','art_188b'] WHEN g % 15 = 0 THEN ARRAY['art_188a','art_213a'] ELSE ARRAY['art_188a'] END,
       CASE WHEN g % 20 = 0 AND g >= 20 THEN md5('bench-operation-' || g)::uuid END, c."createdAt" + interval '5 days', c."createdAt" + interval '5 days', 1
     ${series} ${caseOf} CROSS JOIN ${fiscalia} f CROSS JOIN LATERAL (SELECT least(c."identifiedOn" + 5, current_date) AS reported) r
     WHERE g % 5 = 0`,
    `INSERT INTO proceeding_victims ("proceedingId", "caseId", role, "protectionMeasures")
     SELECT md5('bench-proceeding-' || g)::uuid, md5('bench-case-' || g)::uuid, ${pick(PROCEEDING_VICTIM_ROLE.values, 25)},
       CASE WHEN g % 15 = 0 THEN ARRAY['identity_reserve'] ELSE '{}' END ${series} WHERE g % 5 = 0`,
    `INSERT INTO defendants (id, "proceedingId", "institutionId", "traffickerId", ordinal, sex, nationality, stage, "stageSince", detention, "prisonMonths", "fineSmlmv", "createdAt", "updatedAt", version)
     SELECT d.id, p.id, p."institutionId", d.trafficker, d.o, ${pick(DEFENDANT_SEX.values.slice(0, 2), 26, '(g * 2 + d.o)')}, (ARRAY['CO','CO','VE','EC'])[1 + (g + d.o) % 4],
       st.last, p."reportedOn" + (cardinality(path.stages) - 1) * st.days,
       'imputacion' = ANY (path.stages) AND st.last <> ALL (${FINAL} || ARRAY['sentencia_absolutoria']),
       CASE WHEN 'sentencia_condenatoria' = ANY (path.stages) THEN 96 + (g % 400) END, CASE WHEN 'sentencia_condenatoria' = ANY (path.stages) THEN 500 + g % 2000 END,
       p."createdAt", p."createdAt" + (cardinality(path.stages) - 1) * st.days * interval '1 day', cardinality(path.stages)
     ${DEFENDANTS}`,
    // The hearing that moved each defendant into its current stage, the next one scheduled while the matter is open.
    `INSERT INTO hearings (id, "proceedingId", "institutionId", "defendantId", at, type, court, outcome, "nextAt", "createdById", "createdAt")
     SELECT md5('bench-hearing-' || g || '-' || d.o)::uuid, p.id, p."institutionId", d.id, h.at, ${hearingType('st.last')},
       'Juzgado Penal del Circuito ' || (g % 40 + 1) || ' (ficticio)', 'Audiencia realizada',
       CASE WHEN st.last <> ALL (${FINAL} || ARRAY['sentencia_absolutoria']) THEN h.at + interval '60 days' END, p."createdById", h.at
     ${DEFENDANTS.replace('WHERE g % 5 = 0', `CROSS JOIN LATERAL (SELECT (p."reportedOn" + (cardinality(path.stages) - 1) * st.days) + time '10:00' AT TIME ZONE 'America/Bogota' AS at) h WHERE g % 5 = 0 AND ${hearingType('st.last')} IS NOT NULL`)}`,
    `INSERT INTO defendant_stage_events ("defendantId", "proceedingId", "institutionId", "fromStage", "toStage", "on", shortcut, "hearingId", detention, "byUserId", at)
     SELECT d.id, p.id, p."institutionId", path.stages[s.i - 1], s.stage, p."reportedOn" + (s.i - 1) * st.days,
       CASE WHEN path.preacuerdo AND s.stage = 'sentencia_condenatoria' THEN 'preacuerdo' END,
       CASE WHEN s.i = cardinality(path.stages) AND ${hearingType('s.stage')} IS NOT NULL THEN md5('bench-hearing-' || g || '-' || d.o)::uuid END,
       s.stage = 'imputacion', p."createdById", (p."reportedOn" + (s.i - 1) * st.days) + time '09:00' + s.i * interval '1 second'
     ${DEFENDANTS.replace('WHERE g % 5 = 0', 'CROSS JOIN LATERAL (SELECT u.stage, u.i::int AS i FROM unnest(path.stages) WITH ORDINALITY AS u(stage, i)) s WHERE g % 5 = 0')}`,
    `INSERT INTO appeals ("proceedingId", "institutionId", "defendantId", "filedOn", appellant, decision, "decidedOn", "createdAt", "updatedAt", version)
     SELECT p.id, p."institutionId", d.id, a.filed, CASE WHEN 'sentencia_condenatoria' = ANY (path.stages) THEN 'defence' ELSE 'prosecution' END,
       CASE WHEN st.last = 'ejecutoriada' THEN 'confirmed' ELSE 'pending' END, CASE WHEN st.last = 'ejecutoriada' THEN least(a.filed + 90, current_date) END,
       a.filed, a.filed, 1
     ${DEFENDANTS.replace('WHERE g % 5 = 0', `CROSS JOIN LATERAL (SELECT least(p."reportedOn" + (array_position(path.stages, CASE WHEN 'sentencia_condenatoria' = ANY (path.stages) THEN 'sentencia_condenatoria' ELSE 'sentencia_absolutoria' END) - 1) * st.days + 10, current_date) AS filed) a
       WHERE g % 5 = 0 AND (g + d.o) % 2 = 0 AND path.stages && ARRAY['sentencia_condenatoria','sentencia_absolutoria']`)}`,
  ];
}

const CHUNK = 20_000;

/**
 * Encrypts and indexes the alleged traffickers loaded in clear (`nameTokens` IS NULL, no aliases: the loader writes
 * none), as `indexTraffickerIdentities` does but set-based: each distinct name encrypted and tokenised once (temporary
 * table, one UPDATE), each document number (one in three persons, unique) encrypted and hashed in batches.
 */
async function indexTraffickers(db: Client, log: (line: string) => void, secretKey: Buffer): Promise<void> {
  const [{ pending }] = (await db.query(`SELECT count(*)::int AS pending FROM alleged_traffickers WHERE "nameTokens" IS NULL AND aliases IS NULL`)).rows;
  if (!pending) return;
  const started = Date.now();
  log(`Encrypting and indexing the identity of ${pending.toLocaleString('en')} alleged traffickers`);
  const cipher = await loadFieldCipher(rowsOf(db), secretKey, { create: true });
  const key = traffickerIndexKey(cipher.dataKey(BLIND_INDEX_KEY_PURPOSE));
  const open = (column: string, value: string) => (value.startsWith(TEXT_PREFIX) ? cipher.decryptText('alleged_traffickers', column, value) : value);
  const seal = (column: string, stored: string, clear: string) => (stored.startsWith(TEXT_PREFIX) ? stored : cipher.encryptText('alleged_traffickers', column, clear));
  await db.query(`CREATE TEMP TABLE IF NOT EXISTS bench_trafficker_names (stored text PRIMARY KEY, enc text, tokens bigint[])`);
  await db.query(`TRUNCATE bench_trafficker_names`);
  const names: string[] = (await db.query(`SELECT DISTINCT name FROM alleged_traffickers WHERE "nameTokens" IS NULL AND aliases IS NULL`)).rows.map((r) => r.name);
  for (let i = 0; i < names.length; i += CHUNK) {
    const chunk = names.slice(i, i + CHUNK);
    const clear = chunk.map((n) => open('name', n));
    await db.query(`INSERT INTO bench_trafficker_names SELECT s, e, t::bigint[] FROM unnest($1::text[], $2::text[], $3::text[]) AS x(s, e, t)`, [
      chunk, chunk.map((n, j) => seal('name', n, clear[j])), clear.map((c) => `{${nameTokens(key, c).join(',')}}`),
    ]);
  }
  await db.query(`ANALYZE bench_trafficker_names`);
  // Document numbers first (the rows still have no tokens: the name UPDATE below marks them done).
  for (;;) {
    const { rows } = await db.query(
      `SELECT id::text AS id, "documentNumber" AS doc FROM alleged_traffickers WHERE "nameTokens" IS NULL AND aliases IS NULL AND "documentNumber" IS NOT NULL AND "documentNumberHash" IS NULL LIMIT ${CHUNK}`,
    );
    if (!rows.length) break;
    const clear = rows.map((r: { doc: string }) => open('documentNumber', r.doc));
    await db.query(`UPDATE alleged_traffickers t SET "documentNumber" = x.doc, "documentNumberHash" = x.hash FROM unnest($1::uuid[], $2::text[], $3::text[]) AS x(id, doc, hash) WHERE t.id = x.id`, [
      rows.map((r: { id: string }) => r.id), rows.map((r: { doc: string }, j: number) => seal('documentNumber', r.doc, clear[j])), clear.map((c: string) => blindIndex(key, normalizeDocument(c))),
    ]);
  }
  const { rowCount } = await db.query(
    `UPDATE alleged_traffickers t SET name = n.enc, "nameTokens" = n.tokens FROM bench_trafficker_names n WHERE n.stored = t.name AND t."nameTokens" IS NULL AND t.aliases IS NULL`,
  );
  await db.query(`DROP TABLE bench_trafficker_names`);
  log(`  alleged traffickers indexed: ${(rowCount ?? 0).toLocaleString('en')} (${names.length.toLocaleString('en')} distinct names, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

interface ProsecutionsContext {
  /** Proceedings of the prosecutor's institution (Fiscalía), newest first. */
  proceedings: string[];
}

const ctx = (c: ScenarioContext) => c.areas.prosecutions as ProsecutionsContext;

export const prosecutions: BenchArea = {
  name: 'prosecutions',
  batchStatements,
  afterLoad: indexTraffickers,
  async prepare(db, context) {
    const { rows } = await db.query(`SELECT id FROM proceedings WHERE "institutionId" = $1 ORDER BY "reportedOn" DESC, id DESC LIMIT 500`, [context.actors.prosecutor.institutionId]);
    return { proceedings: rows.map((r) => r.id) } satisfies ProsecutionsContext;
  },
  scenarios: [
    {
      name: 'proceedings_prosecutor',
      label: 'proceedings list, prosecutor',
      actor: 'prosecutor',
      // The client's proceedings screen: the first page, newest report first.
      request: () => ({ method: 'GET', path: '/api/proceedings?limit=25&order=desc' }),
      minimal: {
        statements: [
          `SELECT p.id, p.nunc, p."reportedOn", p."prosecutorUnit", p.offences,
             (SELECT count(*)::int FROM defendants d WHERE d."proceedingId" = p.id) AS defendants,
             (SELECT count(*)::int FROM proceeding_victims v WHERE v."proceedingId" = p.id) AS victims,
             coalesce((SELECT array_agg(d.stage ORDER BY d.ordinal) FROM defendants d WHERE d."proceedingId" = p.id), '{}') AS stages
           FROM proceedings p WHERE p."institutionId" = $1 ORDER BY p."reportedOn" DESC, p.id DESC LIMIT 26`,
          `SELECT count(*)::int FROM proceedings WHERE "institutionId" = $1`,
        ],
        params: (c) => [c.actors.prosecutor.institutionId],
      },
    },
    {
      name: 'proceeding_detail',
      label: 'proceeding detail, prosecutor',
      actor: 'prosecutor',
      request: (c, i) => ({ method: 'GET', path: `/api/proceedings/${ctx(c).proceedings[i % ctx(c).proceedings.length]}` }),
      minimal: {
        statements: [
          `SELECT p.*, i.name AS institution,
             (SELECT json_agg(v) FROM (SELECT c.code, pv.role FROM proceeding_victims pv JOIN cases c ON c.id = pv."caseId" WHERE pv."proceedingId" = p.id) v) AS victims,
             (SELECT json_agg(d) FROM (SELECT d.*, t.name FROM defendants d JOIN alleged_traffickers t ON t.id = d."traffickerId" WHERE d."proceedingId" = p.id ORDER BY d.ordinal) d) AS defendants,
             (SELECT json_agg(e ORDER BY e.at) FROM defendant_stage_events e WHERE e."defendantId" IN (SELECT id FROM defendants WHERE "proceedingId" = p.id)) AS history,
             (SELECT json_agg(h ORDER BY h.at) FROM hearings h WHERE h."proceedingId" = p.id) AS hearings,
             (SELECT json_agg(a ORDER BY a."filedOn") FROM appeals a WHERE a."proceedingId" = p.id) AS appeals
           FROM proceedings p JOIN institutions i ON i.id = p."institutionId" WHERE p.id = $1`,
        ],
        params: (c, i) => [ctx(c).proceedings[i % ctx(c).proceedings.length]],
      },
    },
  ],
};
