import type { Client } from 'pg';
import { HOTLINE_CALLER_TYPE } from '@ruta/shared';
import { BLIND_INDEX_KEY_PURPOSE } from '@ruta/server/platform/crypto/blind-index';
import { TEXT_PREFIX } from '@ruta/server/platform/crypto/field-cipher';
import { loadFieldCipher } from '@ruta/server/platform/crypto/field-keys';
import { callerPhoneIndex, normalisePhone } from '@ruta/server/hotline/contacts/caller-phone';
import { pick, rowsOf, sqlArray } from '../sql';
import type { BenchArea } from './area';

/**
 * The benchmark's national hotline, for N cases (proportions at 1,000,000): one contact per two cases (500,000 calls and
 * messages over the loaded years, most by phone), half of them information or silent calls; of the rest, tips sent to
 * the authorities (with the consent or the recorded ground of the consent rule), referrals, and contacts that became a
 * case or were linked to one (the loaded case of the same number, the contact just before its creation or after it).
 * The last two weeks are still open or being assessed. Operators: the bench operators of IOM, a quarter the demo
 * operator. Three in five callers left a number, from a pool of 100,000 fictional ones (repeat callers); the numbers
 * and the summaries are written in clear and encrypted in `afterLoad` (the number with its blind index), each distinct
 * value once, as the server's start-up steps would. The referral a tip or referral outcome names (`referralId`) is left
 * empty: referrals are another area's rows.
 */


/** Call types with realistic weights (out of 20): much information and silence, fewer tips, referrals and crises. */
const CALL_TYPES = [...Array<string>(7).fill('information'), ...Array<string>(6).fill('not_relevant'), 'training', 'tip', 'tip', 'tip', 'referral_request', 'referral_request', 'crisis'];
const CHANNELS = ['phone', 'phone', 'phone', 'phone', 'phone', 'whatsapp', 'whatsapp', 'email', 'web_form', 'walk_in'];
const SUMMARIES: Record<string, string> = {
  information: 'Consulta general sobre la ruta de atención (llamada sintética).',
  not_relevant: 'Llamada silenciosa o no pertinente (llamada sintética).',
  training: 'Solicitud de capacitación para una institución (llamada sintética).',
  tip: 'Información sobre una posible situación de explotación (llamada sintética).',
  referral_request: 'Solicitud de asistencia para una posible víctima (llamada sintética).',
  crisis: 'Persona en riesgo inminente que pide ayuda (llamada sintética).',
};
/** A fictional caller number of the pool (57 300 55x xxxx, as the demo seed's), normalised as the server stores it. */
const POOL = 100_000;
export const callerNumber = (n: number) => `5730055${String(n % POOL).padStart(5, '0')}`;

function batchStatements(options: { cases: number }): string[] {
  const operators = `(SELECT array_agg(u.id ORDER BY u.id) AS ids, (SELECT id FROM users WHERE email = 'operator@oim.demo') AS demo
     FROM users u JOIN roles r ON r.id = u."roleId" WHERE r.code = 'operator' AND (u.email LIKE 'bench-%' OR u.email LIKE '%.demo'))`;
  const muni = `(1 + (g::bigint * 40503)::bigint % array_length($5::text[], 1))`;
  const spread = `(timestamptz '2021-01-01 08:00:00+00' + (g::float8 / ${options.cases + 1}) * (least(now(), timestamptz '2026-11-30') - timestamptz '2021-01-01 08:00:00+00') + (g % 600) * interval '1 minute')`;
  return [
    `INSERT INTO hotline_contacts (id, code, channel, "startedAt", "durationSeconds", "operatorId", "callerType", "callType", "departmentCode", "municipalityCode",
       "countryCode", "destinationCountryCode", purposes, acts, means, urgency, "childInvolved", summary, "consentToAuthorities", phone, "phoneHash",
       status, outcome, "reportGround", "caseId", "takenById", "takenAt", "outcomeAt", "createdAt", "updatedAt", version)
     SELECT md5('bench-hotline-' || g)::uuid, 'LN-' || to_char(t.at AT TIME ZONE 'America/Bogota', 'YYYY') || '-' || (1000000 + g / 2), ${pick(CHANNELS, 31)}, t.at,
       30 + (g * 37) % 1200, t.operator, ${pick(HOTLINE_CALLER_TYPE.values, 32)}, k.kind,
       CASE WHEN NOT k.abroad THEN ($6::text[])[${muni}] END, CASE WHEN NOT k.abroad THEN ($5::text[])[${muni}] END,
       CASE WHEN k.abroad THEN ${pick(['EC', 'PE', 'ES', 'MX', 'PA'], 33)} ELSE 'CO' END, CASE WHEN k.kind IN ('tip', 'crisis') AND g % 7 = 0 THEN 'MX' END,
       CASE WHEN k.kind IN ('tip', 'crisis', 'referral_request') THEN c.purposes ELSE '{}' END,
       CASE WHEN k.kind IN ('tip', 'crisis') THEN ARRAY['recruitment'] ELSE '{}' END, CASE WHEN k.kind = 'crisis' THEN ARRAY['coercion'] ELSE '{}' END,
       CASE WHEN k.kind = 'crisis' THEN 'emergency' WHEN k.kind = 'tip' THEN 'urgent' ELSE 'routine' END, k.child,
       (${sqlArray(Object.values(SUMMARIES))})[array_position(${sqlArray(Object.keys(SUMMARIES))}, k.kind)], k.consent,
       CASE WHEN g % 5 < 3 THEN '5730055' || lpad(((g::bigint * 7919) % ${POOL})::text, 5, '0') END, NULL,
       x.status, x.outcome, CASE WHEN x.outcome = 'tip_sent' AND NOT k.consent THEN CASE WHEN k.child THEN 'child_at_risk' ELSE 'imminent_harm' END END,
       CASE WHEN x.outcome IN ('new_case', 'linked_case') THEN c.id END,
       CASE WHEN x.status <> 'open' THEN t.operator END, CASE WHEN x.status <> 'open' THEN t.at + interval '2 minutes' END,
       CASE WHEN x.outcome IS NOT NULL THEN t.at + interval '20 minutes' END, t.at, t.at + interval '20 minutes', 1
     FROM generate_series($1::int, $2::int) g JOIN cases c ON c.id = md5('bench-case-' || g)::uuid CROSS JOIN ${operators} o
     CROSS JOIN LATERAL (SELECT ${pick(CALL_TYPES, 34)} AS kind, g % 13 = 0 AS abroad, g % 3 <> 0 AS consent, g % 9 = 0 AS child) k
     CROSS JOIN LATERAL (SELECT CASE WHEN k.kind = 'crisis' AND g % 4 = 0 THEN 'new_case' WHEN k.kind = 'information' AND g % 10 = 0 THEN 'linked_case'
         WHEN k.kind = 'tip' THEN 'tip_sent' WHEN k.kind IN ('referral_request', 'crisis') THEN 'referral' WHEN k.kind IN ('information', 'training') THEN 'information_only' END AS planned) p
     CROSS JOIN LATERAL (SELECT CASE p.planned WHEN 'new_case' THEN c."createdAt" - interval '3 hours' WHEN 'linked_case' THEN least(c."createdAt" + interval '10 days', now() - interval '1 hour') ELSE ${spread} END AS at,
         CASE WHEN g % 80 < 20 THEN o.demo ELSE o.ids[1 + (g::bigint * 40503) % array_length(o.ids, 1)] END AS operator) t
     CROSS JOIN LATERAL (SELECT CASE WHEN t.at > now() - interval '14 days' THEN CASE WHEN g % 4 = 0 THEN 'open' ELSE 'assessing' END ELSE 'closed' END AS status) s
     CROSS JOIN LATERAL (SELECT s.status, CASE WHEN s.status = 'closed' THEN p.planned END AS outcome) x
     -- $3 and $4 (the bench users) are not used: the operators are looked up by role above.
     WHERE g % 2 = 0 AND cardinality($3::uuid[]) = cardinality($4::uuid[])`,
  ];
}


/**
 * Encrypts the caller numbers (with their blind index `phoneHash`) and the summaries written in clear, each distinct
 * value once (temporary table), then one set-based UPDATE, as `encryptCallerPhones` and the field-encryption seed do.
 */
async function encryptContacts(db: Client, log: (line: string) => void, secretKey: Buffer): Promise<void> {
  const clear = `((phone IS NOT NULL AND phone NOT LIKE '${TEXT_PREFIX}%') OR (summary IS NOT NULL AND summary NOT LIKE '${TEXT_PREFIX}%'))`;
  const [{ pending }] = (await db.query(`SELECT count(*)::int AS pending FROM hotline_contacts WHERE ${clear}`)).rows;
  if (!pending) return;
  const started = Date.now();
  log(`Encrypting the caller numbers and summaries of ${pending.toLocaleString('en')} hotline contacts`);
  const cipher = await loadFieldCipher(rowsOf(db), secretKey, { create: true });
  const key = cipher.dataKey(BLIND_INDEX_KEY_PURPOSE);
  await db.query(`CREATE TEMP TABLE IF NOT EXISTS bench_hotline_values (kind text, clear text, enc text, hash text, PRIMARY KEY (kind, clear))`);
  await db.query(`TRUNCATE bench_hotline_values`);
  for (const column of ['phone', 'summary'] as const) {
    const values: string[] = (await db.query(`SELECT DISTINCT ${column} AS v FROM hotline_contacts WHERE ${column} IS NOT NULL AND ${column} NOT LIKE '${TEXT_PREFIX}%'`)).rows.map((r) => r.v);
    for (let i = 0; i < values.length; i += 20_000) {
      const chunk = values.slice(i, i + 20_000);
      const numbers = chunk.map((v) => (column === 'phone' ? normalisePhone(v) : v));
      await db.query(`INSERT INTO bench_hotline_values SELECT $1, c, e, h FROM unnest($2::text[], $3::text[], $4::text[]) AS x(c, e, h)`, [
        column, chunk, numbers.map((n) => (n === null ? null : cipher.encryptText('hotline_contacts', column, n))), numbers.map((n) => (column === 'phone' && n ? callerPhoneIndex(key, n) : null)),
      ]);
    }
  }
  await db.query(`ANALYZE bench_hotline_values`);
  const { rowCount } = await db.query(`UPDATE hotline_contacts h SET
      phone = CASE WHEN h.phone LIKE '${TEXT_PREFIX}%' THEN h.phone ELSE (SELECT v.enc FROM bench_hotline_values v WHERE v.kind = 'phone' AND v.clear = h.phone) END,
      "phoneHash" = CASE WHEN h.phone LIKE '${TEXT_PREFIX}%' THEN h."phoneHash" ELSE (SELECT v.hash FROM bench_hotline_values v WHERE v.kind = 'phone' AND v.clear = h.phone) END,
      summary = CASE WHEN h.summary LIKE '${TEXT_PREFIX}%' THEN h.summary ELSE (SELECT v.enc FROM bench_hotline_values v WHERE v.kind = 'summary' AND v.clear = h.summary) END
    WHERE ${clear.replace(/phone/g, 'h.phone').replace(/summary/g, 'h.summary')}`);
  await db.query(`DROP TABLE bench_hotline_values`);
  log(`  hotline contacts encrypted: ${(rowCount ?? 0).toLocaleString('en')} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

let intakeCounter = 0;
/** A call as the operator's form sends it: a tip by phone from a caller of the pool (the repeat-caller count meets data). */
function intakeBody(i: number): unknown {
  intakeCounter += 1;
  const n = callerNumber(i * 7919 + intakeCounter);
  return {
    channel: 'phone',
    startedAt: '2026-11-20T10:00:00Z',
    durationSeconds: 240,
    callerType: 'relative',
    callType: 'tip',
    departmentCode: '11',
    municipalityCode: '11001',
    purposes: ['forced_labour'],
    acts: ['recruitment'],
    means: ['deception'],
    urgency: 'urgent',
    childInvolved: false,
    summary: `Familiar informa de una oferta de trabajo sospechosa (llamada sintética ${i}).`,
    consentToAuthorities: true,
    phone: `+${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5)}`,
  };
}

export const hotline: BenchArea = {
  name: 'hotline',
  batchStatements,
  afterLoad: encryptContacts,
  scenarios: [
    {
      name: 'hotline_intake',
      label: 'hotline intake (new call)',
      actor: 'operator',
      write: true,
      request: (_c, i) => ({ method: 'POST', path: '/api/hotline/contacts', body: intakeBody(i) }),
      minimal: {
        statements: [
          'BEGIN',
          `WITH h AS (INSERT INTO hotline_contacts (code, channel, "startedAt", "operatorId", "callerType", "callType", "departmentCode", "municipalityCode", purposes, acts, means,
               urgency, "childInvolved", "consentToAuthorities", status, version)
             VALUES ('LN-2026-' || lpad(nextval('hotline_contact_number_seq')::text, 6, '0'), 'phone', '2026-11-20T10:00:00Z', $1, 'relative', 'tip', '11', '11001',
               ARRAY['forced_labour'], ARRAY['recruitment'], ARRAY['deception'], 'urgent', false, true, 'open', 1) RETURNING id, "operatorId")
           SELECT h.id, o.name FROM h JOIN users o ON o.id = h."operatorId"`,
          'ROLLBACK',
        ],
        params: (c) => [c.actors.operator.userId],
      },
    },
    {
      name: 'hotline_list',
      label: 'hotline contacts list, operator',
      actor: 'operator',
      // The hotline dashboard's list: newest first, a page of 25, the total counted up to the cap.
      request: () => ({ method: 'GET', path: '/api/hotline/contacts?direction=desc&limit=25' }),
      minimal: {
        statements: [
          `SELECT count(*)::int FROM (SELECT 1 FROM hotline_contacts ORDER BY "startedAt" DESC, id DESC LIMIT 10001) capped`,
          `SELECT h.id, h.code, h."startedAt", h.channel, h."callType", h.status, h.outcome, c.code AS "caseCode", o.name AS "operatorName"
           FROM hotline_contacts h JOIN users o ON o.id = h."operatorId" LEFT JOIN cases c ON c.id = h."caseId" ORDER BY h."startedAt" DESC, h.id DESC LIMIT 26`,
        ],
        params: () => [],
      },
    },
  ],
};
