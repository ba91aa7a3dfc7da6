import { CLOSURE_REASON, FOLLOW_UP_CHANNEL, FOLLOW_UP_OUTCOME, PARTICIPANT_RELATIONS } from '@ruta/shared';
import type { BenchArea } from './area';
import { pick, usersWithPermission } from '../sql';
import { encryptClearTexts } from './referrals';

const caseId = `md5('bench-case-' || g)::uuid`;
const planId = `md5('bench-plan-' || g)::uuid`;
/** Statuses of the cases "my day" works on (my-day.repository.ts ACTIVE). */
const ACTIVE = `('immediate_assistance', 'medium_term_assistance', 'follow_up', 'suspended')`;
/** Today as the server reckons it (todayInColombia). */
const TODAY = `(now() AT TIME ZONE 'America/Bogota')::date`;

/**
 * The assisted cases of a batch (~30 % of cases at 1,000,000): those in an assistance phase, in follow-up, suspended or
 * closed, all of the IOM's (the caseworkers' institution) and a third of the others'. `p` is the plan's day.
 */
const ASSISTED = `FROM generate_series($1::int, $2::int) g
    JOIN cases c ON c.id = ${caseId}
    CROSS JOIN (SELECT id AS oim FROM institutions WHERE code = 'oim') o
    CROSS JOIN LATERAL (SELECT c."createdAt" + interval '2 days' AS at, (c."createdAt" + interval '2 days')::date AS day) p`;
const ASSISTED_WHERE = `c.status IN ${ACTIVE.slice(0, -1)}, 'closed') AND (c."ownerInstitutionId" = o.oim OR g % 3 = 0)`;

const IMMEDIATE = ['lodging', 'medical', 'psychosocial', 'material_kit', 'transport', 'documentation', 'security'];
const MEDIUM_TERM = ['psychosocial', 'legal_advice', 'education', 'job_training', 'income_generation', 'reintegration', 'family_reunification', 'return_repatriation'];
const LEVELS = ['low', 'low', 'low', 'medium', 'medium', 'high', 'extreme'];
/** Fictional relatives' names (encrypted by afterLoad, as the server stores them). */
const RELATIVES = ['Rosa Ficticia Prueba', 'Luis Ficticio Prueba', 'Ana Demo Inventada', 'Pedro Demo Inventado', 'Lucía Bench Irreal', 'Mateo Bench Irreal'];
const MEASURES = 'Plan de protección: cambio de alojamiento y contacto diario (ficticio).';
const NOTES = 'Llamada de seguimiento: la persona está estable y asiste a sus citas (ficticio).';

/** Alerts read once a month has passed (older ones are not left unread for ever). */
const readAt = (created: string) => `CASE WHEN ${created} < now() - interval '30 days' THEN ${created} + interval '1 day' END`;

/**
 * The benchmark's assistance (Law 985): a plan for each assisted case with 2–4 services of the immediate and
 * medium-term phases (every status; open ones due around today), a relative for one case in ten, the phase timers of
 * the cases in a phase (overdue marked as the job would), an initial risk assessment and a periodic one for half,
 * 1–3 follow-ups with the next contact around today for the open cases, closure requests (approved for the closed
 * cases, pending for a few in follow-up) and the alerts these would have raised: what the caseworker's "my day" counts.
 */
export const assistance: BenchArea = {
  name: 'assistance',
  batchStatements: () => [
    // Who approves assistance per institution (demo accounts first): the supervisors the alerts go to.
    usersWithPermission('bench_assistance_supervisors', 'assistance:approve'),
    `INSERT INTO assistance_plans (id, "caseId", objectives, "createdById", "createdAt", "updatedAt", version)
     SELECT ${planId}, c.id, 'Estabilización, atención en salud y proyecto de vida (ficticio)', c."createdById", p.at, p.at, 1
     ${ASSISTED} WHERE ${ASSISTED_WHERE}`,
    `INSERT INTO assistance_services ("planId", "caseId", phase, category, "providerId", status, "plannedOn", "dueOn", "startedOn", "deliveredOn", "costCop", "createdById", "createdAt", "updatedAt", version)
     SELECT ${planId}, c.id, CASE WHEN k <= 2 THEN 'immediate' ELSE 'medium_term' END, s.category,
       CASE WHEN g % 2 = 0 THEN sp.ids[1 + (g + k) % cardinality(sp.ids)] END, s.status, p.day + k,
       CASE WHEN s.status IN ('planned', 'in_progress') THEN ${TODAY} + ((g + k) % 28 - 10) ELSE p.day + k + 10 END,
       CASE WHEN s.status IN ('in_progress', 'delivered') THEN p.day + k + 1 END, CASE WHEN s.status = 'delivered' THEN p.day + k + 3 END,
       CASE WHEN s.category = 'lodging' THEN 420000 END, c."createdById", p.at + k * interval '1 hour', p.at + k * interval '1 hour', 1
     ${ASSISTED} CROSS JOIN (SELECT array_agg(id ORDER BY name) AS ids FROM service_providers) sp
     CROSS JOIN generate_series(1, 4) k
     CROSS JOIN LATERAL (SELECT CASE WHEN k <= 2 THEN ${pick(IMMEDIATE, 41, '(g * 4 + k)')} ELSE ${pick(MEDIUM_TERM, 42, '(g * 4 + k)')} END AS category,
       CASE WHEN c.status = 'closed' THEN ${pick(['delivered', 'delivered', 'cancelled'], 43, '(g * 4 + k)')}
            ELSE ${pick(['delivered', 'delivered', 'in_progress', 'planned', 'in_progress', 'declined', 'cancelled'], 44, '(g * 4 + k)')} END AS status) s
     WHERE ${ASSISTED_WHERE} AND k <= 2 + g % 3`,
    `INSERT INTO assistance_participants (id, "caseId", "fullName", relation, sex, "ageBand", "createdById", "createdAt", "updatedAt", version)
     SELECT md5('bench-participant-' || g)::uuid, c.id, ${pick(RELATIVES, 45)}, ${pick(PARTICIPANT_RELATIONS, 46)}, ${pick(['female', 'male'], 47)},
       ${pick(['0-8', '9-17', '30-38', '48+'], 48)}, c."createdById", p.at, p.at, 1
     ${ASSISTED} WHERE ${ASSISTED_WHERE} AND g % 10 = 0`,
    `INSERT INTO assistance_services ("planId", "caseId", phase, category, beneficiary, "participantId", status, "plannedOn", "dueOn", "createdById", "createdAt", "updatedAt", version)
     SELECT ${planId}, c.id, 'immediate', 'psychosocial', pa.relation, pa.id, 'planned', p.day + 1, ${TODAY} + (g % 20 - 5), c."createdById", p.at, p.at, 1
     ${ASSISTED} JOIN assistance_participants pa ON pa.id = md5('bench-participant-' || g)::uuid WHERE ${ASSISTED_WHERE} AND g % 10 = 0`,
    // Legal windows (Law 985: 5 days immediate, 6 months medium-term): running for the cases in a phase, with the
    // overdue mark the job sets; ended for the cases past them.
    `INSERT INTO assistance_phase_timers ("caseId", phase, "startedAt", "deadlineAt", "overdueAt", "endedAt", "createdAt", "updatedAt", version)
     SELECT c.id, t.phase, t.started, t.deadline, CASE WHEN t.ended IS NULL AND t.deadline < now() THEN t.deadline END, t.ended, t.started, t.started, 1
     ${ASSISTED} CROSS JOIN LATERAL (SELECT CASE c.status WHEN 'medium_term_assistance' THEN 'medium_term' ELSE 'immediate' END AS phase,
         CASE WHEN c.status IN ('immediate_assistance', 'medium_term_assistance') THEN c."statusChangedAt" ELSE p.at END AS started) t0
     CROSS JOIN LATERAL (SELECT t0.phase, t0.started,
         t0.started + CASE t0.phase WHEN 'immediate' THEN interval '5 days' ELSE interval '6 months' END AS deadline,
         CASE WHEN c.status NOT IN ('immediate_assistance', 'medium_term_assistance') THEN t0.started + interval '4 days' END AS ended) t
     WHERE ${ASSISTED_WHERE}`,
    `INSERT INTO risk_assessments ("caseId", kind, level, threats, measures, "nextReviewOn", "assessedById", "assessedAt")
     SELECT c.id, CASE WHEN k = 1 THEN 'initial' ELSE 'periodic' END, r.level,
       CASE WHEN r.level IN ('high', 'extreme') THEN ARRAY['traffickers', 're_trafficking'] ELSE ARRAY['health'] END,
       CASE WHEN r.level IN ('high', 'extreme') THEN '${MEASURES}' END,
       CASE WHEN c.status <> 'closed' THEN ${TODAY} + (g % 40 - 5) END, c."createdById", p.at + (k - 1) * interval '30 days'
     ${ASSISTED} CROSS JOIN generate_series(1, 2) k CROSS JOIN LATERAL (SELECT ${pick(LEVELS, 49, '(g * 2 + k)')} AS level) r
     WHERE ${ASSISTED_WHERE} AND (k = 1 OR g % 2 = 0) AND p.at + (k - 1) * interval '30 days' < now()`,
    `INSERT INTO assistance_follow_ups ("caseId", "contactOn", channel, outcome, notes, "nextOn", "byUserId", "createdAt")
     SELECT c.id, f.day, ${pick(FOLLOW_UP_CHANNEL.values, 50, '(g * 3 + k)')}, ${pick(FOLLOW_UP_OUTCOME.values, 51, '(g * 3 + k)')},
       CASE WHEN k = 1 AND g % 4 = 0 THEN '${NOTES}' END,
       CASE WHEN k < 1 + g % 3 THEN f.day + 7 WHEN c.status <> 'closed' THEN ${TODAY} + (g % 15 - 5) END, c."createdById", f.day + interval '10 hours'
     ${ASSISTED} CROSS JOIN generate_series(1, 3) k CROSS JOIN LATERAL (SELECT least(p.day + 7 * k, ${TODAY} - (4 - k)) AS day) f
     WHERE ${ASSISTED_WHERE} AND k <= 1 + g % 3`,
    `INSERT INTO assistance_closure_requests ("caseId", "caseCode", "institutionId", reason, status, "requestedById", "decidedById", "decidedAt", "createdAt", "updatedAt", version)
     SELECT c.id, c.code, c."ownerInstitutionId", ${pick(CLOSURE_REASON.values, 52)}, q.status, c."createdById",
       CASE WHEN q.status = 'approved' THEN coalesce(s.ids[1], c."createdById") END, CASE WHEN q.status = 'approved' THEN q.at + interval '1 day' END, q.at, q.at, 1
     ${ASSISTED} LEFT JOIN bench_assistance_supervisors s ON s."institutionId" = c."ownerInstitutionId"
     CROSS JOIN LATERAL (SELECT CASE WHEN c.status = 'closed' THEN 'approved' ELSE 'pending' END AS status,
       least(p.at + interval '20 days', now() - interval '2 days' - (g % 20) * interval '1 day') AS at) q
     WHERE ${ASSISTED_WHERE} AND (c.status = 'closed' OR (c.status = 'follow_up' AND g % 7 = 0))`,
    // The alerts ruta_assistance_alert() would have raised: high risk and closures to the supervisors (the demo one and
    // one colleague), overdue phases and decided closures to the case's creator.
    `INSERT INTO assistance_alerts ("userId", kind, "caseId", "caseCode", "createdAt", "readAt")
     SELECT DISTINCT a.user_id, a.kind, c.id, c.code, a.at, ${readAt('a.at')}
     FROM generate_series($1::int, $2::int) g JOIN cases c ON c.id = ${caseId}
     LEFT JOIN bench_assistance_supervisors s ON s."institutionId" = c."ownerInstitutionId"
     CROSS JOIN LATERAL (
       SELECT u.u AS user_id, 'high_risk' AS kind, ra."assessedAt" AS at FROM risk_assessments ra
         CROSS JOIN LATERAL unnest(ARRAY[s.ids[1], s.ids[1 + g % cardinality(s.ids)]]) u(u)
         WHERE ra."caseId" = c.id AND ra.level IN ('high', 'extreme') AND s.ids IS NOT NULL
       UNION ALL SELECT u.u, 'phase_overdue', t."overdueAt" FROM assistance_phase_timers t CROSS JOIN LATERAL unnest(ARRAY[c."createdById", s.ids[1]]) u(u)
         WHERE t."caseId" = c.id AND t."overdueAt" IS NOT NULL AND t."endedAt" IS NULL AND u.u IS NOT NULL
       UNION ALL SELECT CASE q.status WHEN 'pending' THEN s.ids[1] ELSE c."createdById" END, CASE q.status WHEN 'pending' THEN 'closure_requested' ELSE 'closure_decided' END,
           coalesce(q."decidedAt", q."createdAt")
         FROM assistance_closure_requests q WHERE q."caseId" = c.id AND (q.status <> 'pending' OR s.ids IS NOT NULL)) a`,
  ],

  async afterLoad(db, log, secretKey) {
    await encryptClearTexts(db, secretKey, log, 'assistance_participants', ['fullName']);
    await encryptClearTexts(db, secretKey, log, 'risk_assessments', ['measures']);
    await encryptClearTexts(db, secretKey, log, 'assistance_follow_ups', ['notes']);
  },

  async prepare(db, context) {
    // The caseworker's own open assisted cases (created by her or assigned to her): the follow-up write's targets.
    const { rows } = await db.query(
      `SELECT c.code FROM cases c JOIN assistance_plans p ON p."caseId" = c.id
        WHERE c.status <> 'closed' AND (c."createdById" = $1 OR c.id IN (SELECT "caseId" FROM case_assignments WHERE "userId" = $1 AND "unassignedAt" IS NULL))
        ORDER BY c.code LIMIT 200`,
      [context.actors.caseworker.userId],
    );
    if (!rows.length) throw new Error('The caseworker has no open assisted case in the loaded data: load more cases');
    return { caseworkerCodes: rows.map((r) => r.code as string) };
  },

  scenarios: [
    {
      name: 'my_day_caseworker',
      label: 'assistance "my day", caseworker',
      actor: 'caseworker',
      request: () => ({ method: 'GET', path: '/api/assistance/my-day' }),
      minimal: {
        // The same counts over the caseworker's cases (created by her or assigned to her), written by hand.
        statements: [
          `WITH mine AS (SELECT id, status FROM cases WHERE "createdById" = $1
              UNION SELECT c.id, c.status FROM case_assignments a JOIN cases c ON c.id = a."caseId" WHERE a."userId" = $1 AND a."unassignedAt" IS NULL),
            latest AS (SELECT m.id, (SELECT f."nextOn" FROM assistance_follow_ups f WHERE f."caseId" = m.id ORDER BY f."createdAt" DESC LIMIT 1) AS next_on,
                (SELECT r.level FROM risk_assessments r WHERE r."caseId" = m.id ORDER BY r."assessedAt" DESC LIMIT 1) AS level FROM mine m WHERE m.status IN ${ACTIVE})
           SELECT (SELECT count(*) FILTER (WHERE status = 'immediate_assistance') FROM mine), (SELECT count(*) FILTER (WHERE status = 'medium_term_assistance') FROM mine),
             (SELECT count(*) FILTER (WHERE status = 'follow_up') FROM mine),
             (SELECT count(*) FILTER (WHERE next_on = ${TODAY}) FROM latest), (SELECT count(*) FILTER (WHERE next_on < ${TODAY}) FROM latest),
             (SELECT count(*) FROM latest WHERE level IN ('high', 'extreme')),
             (SELECT count(*) FROM mine m JOIN assistance_services s ON s."caseId" = m.id AND s.status IN ('planned', 'in_progress') AND s."dueOn" < ${TODAY}),
             (SELECT count(*) FROM mine m JOIN assistance_closure_requests q ON q."caseId" = m.id AND q.status = 'pending'),
             (SELECT count(*) FROM mine m JOIN assistance_phase_timers t ON t."caseId" = m.id AND t."endedAt" IS NULL AND (t."overdueAt" IS NOT NULL OR t."deadlineAt" < now())),
             (SELECT count(*) FROM assistance_alerts WHERE "userId" = $1 AND "readAt" IS NULL)`,
        ],
        params: (c) => [c.actors.caseworker.userId],
      },
    },
    {
      name: 'assistance_follow_up',
      label: 'follow-up on an assisted case, caseworker',
      actor: 'caseworker',
      write: true,
      request: (c, i) => {
        const today = new Date().toISOString().slice(0, 10);
        const codes = (c.areas['assistance'] as { caseworkerCodes: string[] }).caseworkerCodes;
        return {
          method: 'POST',
          path: `/api/cases/${codes[i % codes.length]}/assistance/follow-ups`,
          body: { contactOn: today, channel: 'phone', outcome: 'reached', notes: `Llamada de seguimiento ${i}: sin novedad (ficticia).`, nextOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) },
        };
      },
      minimal: {
        // The follow-up, then the overview the server answers with (plan, services, risk, follow-ups).
        statements: [
          'BEGIN',
          `INSERT INTO assistance_follow_ups ("caseId", "contactOn", channel, outcome, notes, "nextOn", "byUserId")
           SELECT id, current_date, 'phone', 'reached', 'enc:bench', current_date + 7, $2 FROM cases WHERE code = $1`,
          `SELECT p.*, (SELECT json_agg(s) FROM assistance_services s WHERE s."caseId" = c.id) AS services,
             (SELECT json_agg(r) FROM risk_assessments r WHERE r."caseId" = c.id) AS risk, (SELECT json_agg(f) FROM assistance_follow_ups f WHERE f."caseId" = c.id) AS follow_ups
           FROM cases c JOIN assistance_plans p ON p."caseId" = c.id WHERE c.code = $1`,
          'ROLLBACK',
        ],
        params: (c, i) => {
          const codes = (c.areas['assistance'] as { caseworkerCodes: string[] }).caseworkerCodes;
          return [codes[i % codes.length], c.actors.caseworker.userId];
        },
      },
    },
  ],
};
