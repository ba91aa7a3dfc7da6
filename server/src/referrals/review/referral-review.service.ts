import { Injectable } from '@nestjs/common';
import { InstitutionReferralStats, ReferralNetwork, seesEveryCase } from '@ruta/shared';
import { Actor, AuditService, ForbiddenError } from '@ruta/platform';
import { institutionRef, InstitutionsRepository } from '@ruta/identity';
import { ReferralsRepository } from '../core/referrals.repository';

/**
 * The coordinators' view across institutions: response times per receiving institution and the referral network.
 * Counts and durations only, no case data (identity stays pseudonymised).
 */
@Injectable()
export class ReferralReviewService {
  constructor(
    private readonly referrals: ReferralsRepository,
    private readonly institutions: InstitutionsRepository,
    private readonly audit: AuditService,
  ) {}

  private requireReviewer(actor: Actor): void {
    if (!seesEveryCase(actor.scope)) throw new ForbiddenError('review_only', 'Only coordinators review referrals across institutions');
  }

  /** Per receiving institution: volumes, and the median and 90th percentile of hours from sending to acceptance and to completion. */
  async stats(actor: Actor): Promise<InstitutionReferralStats[]> {
    this.requireReviewer(actor);
    const rows = await this.referrals.reviewStats();
    const institutions = new Map((await this.institutions.list()).map((i) => [i.id, i]));
    const result = rows.map((r) => ({
      institution: institutionRef(institutions.get(r.institutionId)!),
      received: r.received,
      accepted: r.accepted,
      completed: r.completed,
      declined: r.declined,
      overdue: r.overdue,
      toAccept: { count: r.acceptCount, medianHours: r.acceptMedian, p90Hours: r.acceptP90 },
      toComplete: { count: r.completeCount, medianHours: r.completeMedian, p90Hours: r.completeP90 },
    }));
    await this.audit.record({ action: 'read', details: { section: 'referral_stats', institutions: result.length } });
    return result.sort((a, b) => a.institution.code.localeCompare(b.institution.code));
  }

  /** Who refers to whom: one link per pair of institutions, with its volume and outcomes. */
  async network(actor: Actor): Promise<ReferralNetwork> {
    this.requireReviewer(actor);
    const links = await this.referrals.network();
    const involved = new Set(links.flatMap((l) => [l.fromId, l.toId]));
    const institutions = (await this.institutions.list()).filter((i) => involved.has(i.id)).map(institutionRef);
    return { institutions, links };
  }
}
