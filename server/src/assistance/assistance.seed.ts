import { EntityManager } from 'typeorm';
import type { DemoSeed, RutaConfig } from '@ruta/platform';
import { AgeBand, ParticipantRelation, ServiceCategory, ServiceStatus } from '@ruta/shared';

/** Demo providers of the service directory (fictional names), by category and department (DIVIPOLA). */
const DEMO_PROVIDERS: { name: string; institution?: string; categories: ServiceCategory[]; departments: string[] }[] = [
  { name: 'Hogar de Paso Demo Bogotá', categories: ['lodging', 'material_kit'], departments: ['11', '25'] },
  { name: 'Hospital Demo de Kennedy', categories: ['medical', 'psychosocial'], departments: ['11'] },
  { name: 'Fundación Demo Renacer', categories: ['psychosocial', 'reintegration', 'family_reunification'], departments: [] },
  { name: 'Consultorio Jurídico Demo', categories: ['legal_advice', 'documentation'], departments: ['11', '05', '76'] },
  { name: 'SENA Demo (formación)', categories: ['education', 'job_training', 'income_generation'], departments: [] },
  { name: 'Casa Refugio Demo Antioquia', categories: ['lodging', 'security'], departments: ['05'] },
];

const DAY = 86_400_000;

/** Fictional beneficiary relatives of the first demo cases (first degree, spouse or partner) and a service for each. */
const DEMO_RELATIVES: { fullName: string; relation: ParticipantRelation; sex: 'female' | 'male'; ageBand: AgeBand | null; service: ServiceCategory; status: ServiceStatus }[] = [
  { fullName: 'Marta Demo Ruiz', relation: 'parent', sex: 'female', ageBand: '48+', service: 'psychosocial', status: 'in_progress' },
  { fullName: 'Tomás Demo Ruiz', relation: 'child', sex: 'male', ageBand: '0-8', service: 'education', status: 'planned' },
  { fullName: 'Julián Demo Pardo', relation: 'partner', sex: 'male', ageBand: '27-29', service: 'family_reunification', status: 'delivered' },
];

/** Services of the demo plans: every status, in both phases (days are relative to now). */
const DEMO_SERVICES: { category: ServiceCategory; phase: 'immediate' | 'medium_term'; status: ServiceStatus; dueInDays: number }[] = [
  { category: 'lodging', phase: 'immediate', status: 'delivered', dueInDays: -2 },
  { category: 'medical', phase: 'immediate', status: 'in_progress', dueInDays: 2 },
  { category: 'material_kit', phase: 'immediate', status: 'planned', dueInDays: -1 },
  { category: 'psychosocial', phase: 'immediate', status: 'declined', dueInDays: 1 },
  { category: 'transport', phase: 'immediate', status: 'cancelled', dueInDays: 1 },
  { category: 'job_training', phase: 'medium_term', status: 'planned', dueInDays: 30 },
];

/** The alert a supervisor of the case's institution would have got (the seed runs as the owner, outside a request). */
async function alertSupervisors(manager: EntityManager, caseId: string, kind: string): Promise<void> {
  await manager.query(
    `INSERT INTO assistance_alerts ("userId", kind, "caseId", "caseCode")
     SELECT u.id, $2, c.id, c.code FROM cases c JOIN users u ON u."institutionId" = c."ownerInstitutionId" AND u.active
       JOIN roles r ON r.id = u."roleId" AND 'assistance:approve' = ANY (r.permissions) WHERE c.id = $1`,
    [caseId, kind],
  );
}

async function seedDemoAssistance(manager: EntityManager): Promise<string[]> {
  const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM service_providers`);
  if (n > 0) return [];
  for (const p of DEMO_PROVIDERS) {
    await manager.query(`INSERT INTO service_providers (name, categories, "departmentCodes", version) VALUES ($1, $2, $3, 1)`, [p.name, p.categories, p.departments]);
  }
  const providers = new Map<string, string>((await manager.query(`SELECT id, categories FROM service_providers`)).flatMap((r: { id: string; categories: string[] }) => r.categories.map((c) => [c, r.id] as [string, string])));

  // The legal windows of the cases already in an assistance phase (set-based).
  await manager.query(
    `INSERT INTO assistance_phase_timers ("caseId", phase, "startedAt", "deadlineAt", version)
     SELECT c.id, CASE c.status WHEN 'immediate_assistance' THEN 'immediate' ELSE 'medium_term' END, c."statusChangedAt",
            c."statusChangedAt" + CASE c.status WHEN 'immediate_assistance' THEN interval '5 days' ELSE interval '6 months' END, 1
       FROM cases c WHERE c.status IN ('immediate_assistance', 'medium_term_assistance')`,
  );
  await manager.query(`UPDATE assistance_phase_timers SET "overdueAt" = "deadlineAt" WHERE "deadlineAt" < now()`);

  const cases: { id: string; code: string; status: string; createdById: string; ownerInstitutionId: string }[] = await manager.query(
    `SELECT c.id, c.code, c.status, c."createdById", c."ownerInstitutionId" FROM cases c
      WHERE c.id IN (SELECT id FROM cases WHERE "createdById" = (SELECT id FROM users WHERE email = 'caseworker@oim.demo')
                     UNION SELECT a."caseId" FROM case_assignments a JOIN users u ON u.id = a."userId" WHERE u.email = 'caseworker@oim.demo' AND a."unassignedAt" IS NULL)
        AND c.status IN ('immediate_assistance', 'medium_term_assistance', 'follow_up')
      ORDER BY c.code LIMIT 6`,
  );
  const [{ id: caseworker }] = await manager.query(`SELECT id FROM users WHERE email = 'caseworker@oim.demo'`);
  const now = Date.now();
  const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);
  for (const [i, c] of cases.entries()) {
    const [{ id: planId }] = await manager.query(`INSERT INTO assistance_plans ("caseId", objectives, "createdById", version) VALUES ($1, $2, $3, 1) RETURNING id`, [
      c.id,
      'Estabilización, atención en salud y proyecto de vida (demostración)',
      caseworker,
    ]);
    for (const s of DEMO_SERVICES.slice(0, i === 0 ? DEMO_SERVICES.length : 2 + (i % 3))) {
      await manager.query(
        `INSERT INTO assistance_services ("planId", "caseId", phase, category, "providerId", status, "plannedOn", "dueOn", "startedOn", "deliveredOn", "costCop", "createdById", version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1)`,
        [planId, c.id, s.phase, s.category, providers.get(s.category) ?? null, s.status, day(-7), day(s.dueInDays), s.status === 'in_progress' || s.status === 'delivered' ? day(-5) : null,
          s.status === 'delivered' ? day(-3) : null, s.category === 'lodging' ? 420000 : null, caseworker],
      );
    }
    // Relatives who receive services too: two on the first case, one on the second.
    for (const r of DEMO_RELATIVES.filter((_r, k) => (i === 0 ? k < 2 : i === 1 ? k === 2 : false))) {
      const [{ id: participantId }] = await manager.query(
        `INSERT INTO assistance_participants ("caseId", "fullName", relation, sex, "ageBand", "createdById", version) VALUES ($1, $2, $3, $4, $5, $6, 1) RETURNING id`,
        [c.id, r.fullName, r.relation, r.sex, r.ageBand, caseworker],
      );
      await manager.query(
        `INSERT INTO assistance_services ("planId", "caseId", phase, category, beneficiary, "participantId", "providerId", status, "plannedOn", "dueOn", "startedOn", "deliveredOn", "createdById", version)
         VALUES ($1, $2, 'immediate', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1)`,
        [planId, c.id, r.service, r.relation, participantId, providers.get(r.service) ?? null, r.status, day(-6), day(10), r.status === 'planned' ? null : day(-4), r.status === 'delivered' ? day(-2) : null, caseworker],
      );
    }
    const level = i === 1 ? 'high' : i === 2 ? 'medium' : 'low';
    await manager.query(`INSERT INTO risk_assessments ("caseId", kind, level, threats, measures, "nextReviewOn", "assessedById", "assessedAt") VALUES ($1, 'initial', $2, $3, $4, $5, $6, $7)`, [
      c.id, level, level === 'high' ? ['traffickers', 're_trafficking'] : ['health'], 'Medidas de protección de demostración', day(15), caseworker, new Date(now - 6 * DAY),
    ]);
    if (level === 'high') await alertSupervisors(manager, c.id, 'high_risk');
    await manager.query(`INSERT INTO assistance_follow_ups ("caseId", "contactOn", channel, outcome, notes, "nextOn", "byUserId") VALUES ($1, $2, 'phone', 'reached', $3, $4, $5)`, [
      c.id, day(-4), 'Seguimiento de demostración', day(i % 3 === 0 ? 0 : i % 3 === 1 ? -2 : 7), caseworker,
    ]);
  }
  const closing = cases[cases.length - 1];
  if (closing && cases.length > 3) {
    await manager.query(`INSERT INTO assistance_closure_requests ("caseId", "caseCode", "institutionId", reason, note, "requestedById", version) VALUES ($1, $2, $3, 'reintegrated', $4, $5, 1)`, [
      closing.id, closing.code, closing.ownerInstitutionId, 'Cierre de demostración', caseworker,
    ]);
    await alertSupervisors(manager, closing.id, 'closure_requested');
  }
  return [`Demo mode: seeded ${DEMO_PROVIDERS.length} service providers and the assistance of ${cases.length} cases (plans, services in every status, beneficiary relatives with their services, risk, follow-ups, a closure to approve)`];
}

export const assistanceSeed: DemoSeed = {
  area: 'assistance',
  run: (manager: EntityManager, config: RutaConfig) => (config.demo ? seedDemoAssistance(manager) : Promise.resolve([])),
};
