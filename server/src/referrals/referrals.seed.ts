import { EntityManager } from 'typeorm';
import type { DemoSeed, RutaConfig } from '@ruta/platform';
import { REFERRAL_TRANSITIONS, ReferralStatus } from '@ruta/shared';

interface DemoReferral {
  from: string;
  to: string;
  status: ReferralStatus;
  urgency: 'emergency' | 'urgent' | 'routine';
  purpose: string;
  sections: string[];
  /** Days before now that it was sent. */
  daysAgo: number;
  override?: 'child_at_risk' | 'imminent_harm' | 'court_order';
}

/** Referrals in every status, some overdue, some on a legal ground; the partner (ICBF) gets work to do. */
const DEMO_REFERRALS: DemoReferral[] = [
  { from: 'policia', to: 'oim', status: 'sent', urgency: 'emergency', purpose: 'lodging', sections: ['summary', 'situation'], daysAgo: 3 },
  { from: 'policia', to: 'oim', status: 'received', urgency: 'urgent', purpose: 'psychosocial', sections: ['summary'], daysAgo: 5 },
  { from: 'policia', to: 'oim', status: 'accepted', urgency: 'routine', purpose: 'health', sections: ['summary', 'identity'], daysAgo: 6 },
  { from: 'policia', to: 'oim', status: 'in_progress', urgency: 'urgent', purpose: 'lodging', sections: ['summary', 'identity', 'situation'], daysAgo: 9 },
  { from: 'policia', to: 'oim', status: 'completed', urgency: 'routine', purpose: 'documentation', sections: ['summary'], daysAgo: 20 },
  { from: 'policia', to: 'fiscalia', status: 'declined', urgency: 'routine', purpose: 'prosecution', sections: ['summary', 'situation'], daysAgo: 15 },
  { from: 'policia', to: 'fiscalia', status: 'cancelled', urgency: 'urgent', purpose: 'investigation', sections: ['summary'], daysAgo: 12 },
  { from: 'policia', to: 'oim', status: 'draft', urgency: 'routine', purpose: 'education_employment', sections: ['summary'], daysAgo: 0 },
  { from: 'policia', to: 'icbf', status: 'sent', urgency: 'emergency', purpose: 'protection', sections: ['summary', 'identity'], daysAgo: 2, override: 'child_at_risk' },
  { from: 'policia', to: 'icbf', status: 'received', urgency: 'urgent', purpose: 'protection', sections: ['summary', 'identity', 'situation'], daysAgo: 1 },
  { from: 'policia', to: 'icbf', status: 'accepted', urgency: 'routine', purpose: 'psychosocial', sections: ['summary'], daysAgo: 4, override: 'imminent_harm' },
];

const HOURS = { emergency: 24, urgent: 72, routine: 240 } as const;

/** The path of statuses from draft to `status`. */
function pathTo(status: ReferralStatus): ReferralStatus[] {
  const main: ReferralStatus[] = ['draft', 'sent', 'received', 'accepted', 'in_progress', 'completed'];
  if (main.includes(status)) return main.slice(0, main.indexOf(status) + 1);
  if (status === 'declined') return ['draft', 'sent', 'received', 'declined'];
  return ['draft', 'sent', 'cancelled'];
}

async function seedDemoReferrals(manager: EntityManager): Promise<string[]> {
  const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM referrals`);
  if (n > 0) return [];
  const cases: { id: string; code: string; createdById: string; ownerInstitutionId: string }[] = await manager.query(
    `SELECT c.id, c.code, c."createdById", c."ownerInstitutionId" FROM cases c JOIN users u ON u.id = c."createdById"
      WHERE u.email = 'investigator@policia.demo' ORDER BY c.code LIMIT $1`,
    [DEMO_REFERRALS.length],
  );
  if (cases.length < DEMO_REFERRALS.length) return [];
  const institutions = new Map<string, string>((await manager.query(`SELECT code, id FROM institutions`)).map((r: { code: string; id: string }) => [r.code, r.id]));
  const receivers = new Map<string, string>(
    (await manager.query(`SELECT i.code, u.id FROM users u JOIN institutions i ON i.id = u."institutionId" WHERE u.email IN ('caseworker@oim.demo', 'partner@icbf.demo', 'prosecutor@fiscalia.demo')`)).map(
      (r: { code: string; id: string }) => [r.code, r.id],
    ),
  );
  const now = Date.now();
  for (const [index, demo] of DEMO_REFERRALS.entries()) {
    const c = cases[index];
    const to = institutions.get(demo.to)!;
    let consentId: string | null = null;
    if (!demo.override) {
      [{ id: consentId }] = await manager.query(
        `INSERT INTO consents ("caseId", purpose, "institutionId", "grantedBy", method, "grantedAt", "recordedById") VALUES ($1, 'sharing', $2, 'self', 'written', $3, $4) RETURNING id`,
        [c.id, to, new Date(now - (demo.daysAgo + 1) * 86_400_000), c.createdById],
      );
    }
    const sentAt = demo.status === 'draft' ? null : new Date(now - demo.daysAgo * 86_400_000);
    const steps = pathTo(demo.status);
    const at = (i: number) => (sentAt ? new Date(sentAt.getTime() + Math.max(0, i - 1) * 6 * 3_600_000) : new Date(now));
    const when = (s: ReferralStatus) => (steps.includes(s) ? at(steps.indexOf(s)) : null);
    const deadline = sentAt ? new Date(sentAt.getTime() + HOURS[demo.urgency] * 3_600_000) : null;
    const overdue = deadline && ['sent', 'received'].includes(demo.status) && deadline.getTime() < now ? deadline : null;
    const [{ id }] = await manager.query(
      `INSERT INTO referrals ("caseId", "caseCode", "fromInstitutionId", "toInstitutionId", "createdById", purpose, urgency, message, sections, "consentId",
         "overrideGround", "overrideJustification", status, "deadlineAt", "sentAt", "receivedAt", "acceptedAt", "assigneeId", "startedAt", "completedAt", outcome,
         "declinedAt", "declineReason", "cancelledAt", "cancelReason", "overdueAt", "createdAt", version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, 1) RETURNING id`,
      [
        c.id, c.code, c.ownerInstitutionId, to, c.createdById, demo.purpose, demo.urgency, 'Remisión de demostración (datos ficticios)', demo.sections, consentId,
        demo.override ?? null, demo.override ? 'Justificación de demostración' : null, demo.status, deadline, sentAt,
        when('received'), when('accepted'), when('accepted') ? receivers.get(demo.to) ?? null : null, when('in_progress'), when('completed'),
        demo.status === 'completed' ? 'Atención prestada (demostración)' : null, when('declined'), demo.status === 'declined' ? 'outside_mandate' : null,
        when('cancelled'), null, overdue, sentAt ?? new Date(now),
      ],
    );
    for (const [i, step] of steps.entries()) {
      if (i > 0 && !REFERRAL_TRANSITIONS[steps[i - 1]].includes(step)) throw new Error(`Demo referral path ${steps.join('>')} leaves the machine`);
      const receiverMove = !['draft', 'sent', 'cancelled'].includes(step);
      await manager.query(
        `INSERT INTO referral_events ("referralId", kind, "fromStatus", "toStatus", "byUserId", "byInstitutionId", at) VALUES ($1, 'status', $2, $3, $4, $5, $6)`,
        [id, i === 0 ? null : steps[i - 1], step, receiverMove ? receivers.get(demo.to) ?? c.createdById : c.createdById, receiverMove ? to : c.ownerInstitutionId, at(i)],
      );
    }
    if (overdue) await manager.query(`INSERT INTO referral_events ("referralId", kind, at) VALUES ($1, 'overdue', $2)`, [id, overdue]);
  }
  return [`Demo mode: seeded ${DEMO_REFERRALS.length} referrals (every status, some overdue, some on a legal ground)`];
}

export const referralsSeed: DemoSeed = {
  area: 'referrals',
  run: (manager: EntityManager, config: RutaConfig) => (config.demo ? seedDemoReferrals(manager) : Promise.resolve([])),
};
