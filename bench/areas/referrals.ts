import type { Client } from 'pg';
import { REFERRAL_DECLINE_REASON, REFERRAL_URGENCY } from '@ruta/shared';
import { loadFieldCipher } from '@ruta/server/platform/crypto/field-keys';
import type { Scenario, ScenarioContext } from '../scenarios';
import { pick, rowsOf, sqlArray, usersWithPermission } from '../sql';
import type { BenchArea } from './area';


/**
 * Encrypts, as the server would store them, the values of `columns` of `table` still in clear (the loader writes a few
 * distinct placeholders): each distinct value once in node (FieldCipher), then one set-based UPDATE found through the
 * columns' clear-value partial indexes (migration 1764405300000). Idempotent: encrypted values are left alone. The
 * append-only tables' trigger lets exactly this change through (only encrypted columns, each left encrypted).
 */
export async function encryptClearTexts(db: Client, secretKey: Buffer, log: (line: string) => void, table: string, columns: string[]): Promise<void> {
  const clear = (column: string) => `"${column}" IS NOT NULL AND "${column}" NOT LIKE 'enc:%'`;
  const cipher = await loadFieldCipher(rowsOf(db), secretKey, { create: true });
  const started = Date.now();
  await db.query(`CREATE TEMP TABLE IF NOT EXISTS bench_clear_texts (col text, clear text, enc text, PRIMARY KEY (col, clear))`);
  await db.query(`TRUNCATE bench_clear_texts`);
  for (const column of columns) {
    const { rows } = await db.query(`SELECT DISTINCT "${column}" AS v FROM "${table}" WHERE ${clear(column)}`);
    if (rows.length > 10_000) throw new Error(`${table}.${column}: ${rows.length} distinct clear values, the loader writes a few placeholders`);
    const values: string[] = rows.map((r) => r.v);
    await db.query(`INSERT INTO bench_clear_texts SELECT $1, c, e FROM unnest($2::text[], $3::text[]) AS x(c, e)`, [column, values, values.map((v) => cipher.encryptText(table, column, v))]);
  }
  const sets = columns.map((c) => `"${c}" = CASE WHEN ${clear(c)} THEN (SELECT x.enc FROM bench_clear_texts x WHERE x.col = '${c}' AND x.clear = t."${c}") ELSE t."${c}" END`);
  const result = await db.query(`UPDATE "${table}" t SET ${sets.join(', ')} WHERE ${columns.map((c) => `(${clear(c)})`).join(' OR ')}`);
  if (result.rowCount) log(`  encrypted ${columns.join(', ')} of ${result.rowCount.toLocaleString('en')} ${table} rows (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

/** Receiving institutions, weighted: the IOM (assistance), ICBF (children), the Fiscalía, then the rest of the network. */
const DESTINATIONS = ['oim', 'oim', 'oim', 'oim', 'icbf', 'icbf', 'icbf', 'fiscalia', 'fiscalia', 'defensoria', 'minproteccion', 'cancilleria', 'policia', 'mineducacion', 'equidadmujer'];
/** Status spread of the state machine (shared/src/referrals/referral-status.ts), most referrals done. */
const STATUSES = ['draft', 'sent', 'sent', 'received', 'received', 'accepted', 'accepted', 'in_progress', 'in_progress', 'in_progress',
  'completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'declined', 'declined', 'cancelled', 'cancelled'];
/** The statuses a referral went through to reach each (the server's create sends at once: null → sent). */
const PATHS: Record<string, string> = {
  draft: '{draft}',
  sent: '{sent}',
  received: '{sent,received}',
  accepted: '{sent,received,accepted}',
  in_progress: '{sent,received,accepted,in_progress}',
  completed: '{sent,received,accepted,in_progress,completed}',
  declined: '{sent,received,declined}',
  cancelled: '{sent,cancelled}',
};
const SECTIONS = ['{summary}', '{summary}', '{summary,situation}', '{summary,identity}', '{summary,identity,situation}'];
const MESSAGES = ['Se remite para valoración y atención según la ruta (datos ficticios).', 'Víctima con necesidades urgentes de alojamiento y salud (ficticio).',
  'Solicitamos contacto con la persona en las próximas horas (ficticio).', 'Caso remitido tras la entrevista inicial; ver resumen (ficticio).'];
/** Placeholders of the encrypted texts, encrypted by afterLoad (referral outcome, override justification, event reasons). */
const OUTCOME = 'Atención prestada y caso devuelto con informe (ficticio).';
const JUSTIFICATION = 'Niña en riesgo inminente; se comparte sin consentimiento (Ley 1098 de 2006, ficticio).';

/**
 * One row per referral of the batch (1–2 per referred case) with everything the statements derive from it. The same
 * expressions in every statement, so that consents, referrals, history and notifications agree without a lookup.
 */
function referralRows(join = '', where = ''): string {
  const caseId = `md5('bench-case-' || g)::uuid`;
  return `FROM generate_series($1::int, $2::int) g
    JOIN cases c ON c.id = ${caseId}
    CROSS JOIN (VALUES (1), (2)) k(k)
    CROSS JOIN LATERAL (SELECT g * 2 + k AS n) n
    CROSS JOIN LATERAL (SELECT ${pick(DESTINATIONS, 21, 'n.n')} AS to_code, ${pick(STATUSES, 22, 'n.n')} AS status, ${pick(REFERRAL_URGENCY.values, 23, 'n.n')} AS urgency,
        (CASE WHEN g % 50 = 0 THEN '{summary,documents}' ELSE ${pick(SECTIONS, 24, 'n.n')} END)::text[] AS sections) x
    JOIN institutions ti ON ti.code = x.to_code
    JOIN referral_deadline_settings ds ON ds.urgency = x.urgency
    LEFT JOIN bench_referral_members m ON m."institutionId" = ti.id
    CROSS JOIN LATERAL (SELECT
        md5('bench-referral-' || g || '-' || k)::uuid AS id,
        (${sqlArray(Object.keys(PATHS))})::text[] AS statuses,
        least(c."createdAt" + (1 + g % 9) * interval '1 day' + k * interval '3 days', now() - interval '6 days' - (g % 97) * interval '1 hour') AS sent_at,
        (1 + (g + k) % 8) * interval '6 hours' AS step,
        x.sections && ARRAY['identity', 'situation', 'documents'] AS gated,
        CASE WHEN m.ids IS NULL THEN NULL WHEN g % 3 = 0 THEN m.ids[1] ELSE m.ids[1 + (g * 7 + k) % cardinality(m.ids)] END AS receiver) r
    CROSS JOIN LATERAL (SELECT (r.gated AND c."minorAtIdentification" AND x.to_code = 'icbf') AS override,
        (${sqlArray(Object.values(PATHS))})::text[][] AS paths) o
    CROSS JOIN LATERAL (SELECT (o.paths)[array_position(r.statuses, x.status)]::text[] AS path) p ${join}
    WHERE g % 20 < 7 AND (k = 1 OR g % 4 = 0) AND ti.id <> c."ownerInstitutionId" ${where}`;
}

/**
 * The step at which a status was reached (1 = sent), or NULL when the path does not pass it; its time is sent_at +
 * (step - 1) × the referral's pace.
 */
const reached = (status: string) => `array_position(p.path, '${status}')`;
const at = (status: string) => `CASE WHEN ${reached(status)} IS NOT NULL THEN r.sent_at + (${reached(status)} - 1) * r.step END`;

/**
 * The benchmark's referrals: ~35 % of cases referred to one institution, a quarter of those to a second, from the
 * case's institution by its creator, with the status spread of the state machine and each one's history, deadline
 * (sent + the urgency's hours from referral_deadline_settings, as the server computes it), overdue mark (what the
 * deadline job would have set), consent or legal ground for the gated sections, assignee and notifications. The inbox
 * of the partner (ICBF) and of the IOM, and sending a referral, are measured.
 */
export const referrals: BenchArea = {
  name: 'referrals',
  batchStatements: () => [
    // The receiving side's readers (demo accounts first): assignees and notified users. Small; once per load.
    usersWithPermission('bench_referral_members', 'referrals:read'),
    // The sharing consent each gated referral relies on (none when it rests on a legal ground).
    `INSERT INTO consents (id, "caseId", purpose, "institutionId", "grantedBy", method, "grantedAt", "recordedById", "createdAt")
     SELECT md5('bench-sharing-consent-' || g || '-' || k)::uuid, c.id, 'sharing', ti.id, 'self', 'written', r.sent_at - interval '1 day', c."createdById", r.sent_at - interval '1 day'
     ${referralRows('', 'AND r.gated AND NOT o.override')}`,
    `INSERT INTO referrals (id, "caseId", "caseCode", "fromInstitutionId", "toInstitutionId", "createdById", purpose, urgency, message, sections, "consentId",
       "overrideGround", "overrideJustification", status, "deadlineAt", "sentAt", "receivedAt", "acceptedAt", "assigneeId", "startedAt", "completedAt", outcome,
       "declinedAt", "declineReason", "cancelledAt", "overdueAt", "createdAt", "updatedAt", version)
     SELECT r.id, c.id, c.code, c."ownerInstitutionId", ti.id, c."createdById",
       CASE x.to_code WHEN 'icbf' THEN ${pick(['protection', 'psychosocial'], 25)} WHEN 'fiscalia' THEN ${pick(['prosecution', 'investigation'], 26)}
         WHEN 'oim' THEN ${pick(['lodging', 'psychosocial', 'health', 'return', 'education_employment', 'documentation'], 27)}
         ELSE ${pick(['protection', 'legal', 'health', 'documentation', 'other'], 28)} END,
       x.urgency, CASE WHEN g % 2 = 0 THEN ${pick(MESSAGES, 29)} END, x.sections,
       CASE WHEN r.gated AND NOT o.override THEN md5('bench-sharing-consent-' || g || '-' || k)::uuid END,
       CASE WHEN o.override THEN 'child_at_risk' END, CASE WHEN o.override THEN '${JUSTIFICATION}' END,
       x.status, CASE WHEN x.status <> 'draft' THEN r.sent_at + ds.hours * interval '1 hour' END, CASE WHEN x.status <> 'draft' THEN r.sent_at END,
       ${at('received')}, ${at('accepted')}, CASE WHEN ${reached('accepted')} IS NOT NULL THEN r.receiver END, ${at('in_progress')}, ${at('completed')},
       CASE WHEN x.status = 'completed' THEN '${OUTCOME}' END, ${at('declined')}, CASE WHEN x.status = 'declined' THEN ${pick(REFERRAL_DECLINE_REASON.values, 30)} END,
       ${at('cancelled')}, CASE WHEN x.status IN ('sent', 'received') AND r.sent_at + ds.hours * interval '1 hour' < now() THEN r.sent_at + ds.hours * interval '1 hour' END,
       CASE WHEN x.status = 'draft' THEN r.sent_at ELSE r.sent_at - interval '20 minutes' END,
       CASE WHEN x.status = 'draft' THEN r.sent_at ELSE r.sent_at + (cardinality(p.path) - 1) * r.step END, cardinality(p.path)
     ${referralRows()}`,
    `INSERT INTO referral_documents ("referralId", "documentId")
     SELECT f.id, d.id FROM generate_series($1::int, $2::int) g JOIN referrals f ON f."caseId" = md5('bench-case-' || g)::uuid AND 'documents' = ANY(f.sections)
       JOIN case_documents d ON d."caseId" = f."caseId" WHERE g % 50 = 0`,
    // The history: one status event per step (the sender's moves by the creator, the receiver's by the assignee or a
    // reader of the receiving institution), the outcome or decline reason as the event's reason (encrypted later).
    `INSERT INTO referral_events ("referralId", kind, "fromStatus", "toStatus", reason, "byUserId", "byInstitutionId", at)
     SELECT r.id, 'status', p.path[s.i - 1], s.step, CASE s.step WHEN 'completed' THEN '${OUTCOME}' WHEN 'declined' THEN ${pick(REFERRAL_DECLINE_REASON.values, 30)} END,
       CASE WHEN s.step IN ('draft', 'sent', 'cancelled') OR r.receiver IS NULL THEN c."createdById" ELSE r.receiver END,
       CASE WHEN s.step IN ('draft', 'sent', 'cancelled') OR r.receiver IS NULL THEN c."ownerInstitutionId" ELSE ti.id END,
       CASE WHEN x.status = 'draft' THEN r.sent_at ELSE r.sent_at + (s.i - 1) * r.step END
     ${referralRows('CROSS JOIN LATERAL unnest(p.path) WITH ORDINALITY s(step, i)')}`,
    `INSERT INTO referral_events ("referralId", kind, at)
     SELECT f.id, 'overdue', f."overdueAt" FROM generate_series($1::int, $2::int) g JOIN referrals f ON f."caseId" = md5('bench-case-' || g)::uuid
     WHERE g % 20 < 7 AND f."overdueAt" IS NOT NULL`,
    // The receiving side's notification of each sent referral: its demo reader and one colleague (the server notifies
    // every reader of the institution; the rest are left out to keep the load small). Read once a day has passed.
    `INSERT INTO notifications ("userId", kind, "referralId", "caseCode", status, "createdAt", "readAt")
     SELECT DISTINCT ON (r.id, u.u) u.u, 'referral_received', r.id, c.code, 'sent', r.sent_at, CASE WHEN (g + k) % 5 <> 0 THEN r.sent_at + interval '1 day' END
     ${referralRows('CROSS JOIN LATERAL unnest(ARRAY[m.ids[1], m.ids[1 + (g + k) % cardinality(m.ids)]]) u(u)', `AND x.status <> 'draft' AND m.ids IS NOT NULL`)}`,
  ],

  async afterLoad(db, log, secretKey) {
    await encryptClearTexts(db, secretKey, log, 'referrals', ['message', 'overrideJustification', 'outcome']);
    await encryptClearTexts(db, secretKey, log, 'referral_events', ['reason']);
  },

  async prepare(db, context) {
    const [{ id }] = (await db.query(`SELECT id FROM institutions WHERE code = 'icbf'`)).rows;
    if (id === context.actors.investigator.institutionId) throw new Error('The referral scenarios send from the investigator to ICBF: they must differ');
    return { icbf: id as string };
  },

  scenarios: [
    ...(['partner', 'supervisor'] as const).map<Scenario>((actor) => ({
      name: `referral_inbox_${actor}`,
      label: `referral inbox, ${actor === 'partner' ? 'partner (ICBF)' : 'supervisor (IOM)'}`,
      actor,
      // What the client's /remisiones page asks first (referrals.api.ts list): the inbox, newest first, 25 a page.
      request: () => ({ method: 'GET', path: '/api/referrals?box=inbox&sort=created&direction=desc&limit=25' }),
      minimal: {
        statements: [
          `SELECT count(*)::int FROM referrals WHERE "toInstitutionId" = $1 AND status <> 'draft'`,
          `SELECT r.id, r."caseCode", r.status, r.urgency, r.purpose, r."deadlineAt", r."overdueAt", r."createdAt", f.name AS "from", t.name AS "to"
           FROM referrals r JOIN institutions f ON f.id = r."fromInstitutionId" JOIN institutions t ON t.id = r."toInstitutionId"
           WHERE r."toInstitutionId" = $1 AND r.status <> 'draft' ORDER BY r."createdAt" DESC, r.id DESC LIMIT 26`,
        ],
        params: (c: ScenarioContext) => [c.actors[actor].institutionId],
      },
    })),
    {
      name: 'referral_badge_partner',
      label: 'referral badge, partner (ICBF)',
      actor: 'partner',
      request: () => ({ method: 'GET', path: '/api/referrals/badge' }),
      minimal: {
        statements: [
          `SELECT count(*) FILTER (WHERE status = 'sent')::int, count(*) FILTER (WHERE "overdueAt" IS NOT NULL OR "deadlineAt" < now())::int
           FROM referrals WHERE "toInstitutionId" = $1 AND status IN ('sent', 'received')`,
          `SELECT count(*)::int FROM notifications WHERE $1::uuid IS NOT NULL AND "userId" = $2 AND "readAt" IS NULL`,
        ],
        params: (c) => [c.actors.partner.institutionId, c.actors.partner.userId],
      },
    },
    {
      name: 'referral_send',
      label: 'send a referral (summary to ICBF)',
      actor: 'investigator',
      write: true,
      request: (c, i) => ({
        method: 'POST',
        path: '/api/referrals',
        body: { caseCode: c.codes[i % c.codes.length], toInstitutionId: (c.areas['referrals'] as { icbf: string }).icbf, purpose: 'protection', urgency: 'urgent', sections: ['summary'], message: `Remisión de prueba ${i} (ficticia).` },
      }),
      minimal: {
        statements: [
          'BEGIN',
          `WITH r AS (INSERT INTO referrals ("caseId", "caseCode", "fromInstitutionId", "toInstitutionId", "createdById", purpose, urgency, sections, status, "sentAt", "deadlineAt", version)
             SELECT c.id, c.code, $2, $3, $4, 'protection', 'urgent', ARRAY['summary'], 'sent', now(), now() + interval '72 hours', 1 FROM cases c WHERE c.code = $1 RETURNING id, "caseCode"),
           e AS (INSERT INTO referral_events ("referralId", kind, "toStatus", "byUserId", "byInstitutionId") SELECT id, 'status', 'sent', $4, $2 FROM r)
           INSERT INTO notifications ("userId", kind, "referralId", "caseCode", status)
           SELECT u.id, 'referral_received', r.id, r."caseCode", 'sent' FROM r JOIN users u ON u."institutionId" = $3 AND u.active
             JOIN roles ro ON ro.id = u."roleId" AND 'referrals:read' = ANY(ro.permissions)`,
          'ROLLBACK',
        ],
        params: (c, i) => [c.codes[i % c.codes.length], c.actors.investigator.institutionId, (c.areas['referrals'] as { icbf: string }).icbf, c.actors.investigator.userId],
      },
    },
  ],
};
