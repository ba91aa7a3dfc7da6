import { Injectable } from '@nestjs/common';
import { hoursBetween, InstitutionReferralStats, REFERRAL_OPEN_STATUSES, ReferralNetwork, summariseDurations } from '@ruta/shared';
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
    if (!['all', 'all_pseudonymised'].includes(actor.scope)) throw new ForbiddenError('review_only', 'Only coordinators review referrals across institutions');
  }

  /** Per receiving institution: volumes, and the median and 90th percentile of hours from sending to acceptance and to completion. */
  async stats(actor: Actor): Promise<InstitutionReferralStats[]> {
    this.requireReviewer(actor);
    const rows = await this.referrals.allForReview();
    const institutions = new Map((await this.institutions.list()).map((i) => [i.id, i]));
    const byInstitution = new Map<string, typeof rows>();
    for (const r of rows) byInstitution.set(r.toInstitutionId, [...(byInstitution.get(r.toInstitutionId) ?? []), r]);
    const result = [...byInstitution.entries()].map(([id, list]) => ({
      institution: institutionRef(institutions.get(id)!),
      received: list.length,
      accepted: list.filter((r) => r.acceptedAt).length,
      completed: list.filter((r) => r.status === 'completed').length,
      declined: list.filter((r) => r.status === 'declined').length,
      overdue: list.filter((r) => r.overdueAt).length,
      toAccept: summariseDurations(list.filter((r) => r.acceptedAt && r.sentAt).map((r) => hoursBetween(r.sentAt!, r.acceptedAt!))),
      toComplete: summariseDurations(list.filter((r) => r.completedAt && r.sentAt).map((r) => hoursBetween(r.sentAt!, r.completedAt!))),
    }));
    await this.audit.record({ action: 'read', details: { section: 'referral_stats', institutions: result.length } });
    return result.sort((a, b) => a.institution.code.localeCompare(b.institution.code));
  }

  /** Who refers to whom: one link per pair of institutions, with its volume and outcomes. */
  async network(actor: Actor): Promise<ReferralNetwork> {
    this.requireReviewer(actor);
    const rows = await this.referrals.allForReview();
    const links = new Map<string, ReferralNetwork['links'][number]>();
    for (const r of rows) {
      const key = `${r.fromInstitutionId}>${r.toInstitutionId}`;
      const link = links.get(key) ?? { fromId: r.fromInstitutionId, toId: r.toInstitutionId, total: 0, open: 0, completed: 0, declined: 0, cancelled: 0 };
      link.total += 1;
      if (REFERRAL_OPEN_STATUSES.includes(r.status)) link.open += 1;
      if (r.status === 'completed') link.completed += 1;
      if (r.status === 'declined') link.declined += 1;
      if (r.status === 'cancelled') link.cancelled += 1;
      links.set(key, link);
    }
    const involved = new Set(rows.flatMap((r) => [r.fromInstitutionId, r.toInstitutionId]));
    const institutions = (await this.institutions.list()).filter((i) => involved.has(i.id)).map(institutionRef);
    return { institutions, links: [...links.values()] };
  }
}
