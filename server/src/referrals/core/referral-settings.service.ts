import { Injectable } from '@nestjs/common';
import { ReferralBadge, ReferralDeadlineSettings, REFERRAL_URGENCY } from '@ruta/shared';
import { Actor, AuditService, StaleVersionError } from '@ruta/platform';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { Clock } from '@ruta/platform';
import { ReferralDeadlinesDto } from './dto/referral-requests.dto';
import { ReferralsRepository } from './referrals.repository';

/** The navigation badge, and the response deadline of each urgency (an administrator's setting). */
@Injectable()
export class ReferralSettingsService {
  constructor(
    private readonly referrals: ReferralsRepository,
    private readonly notifications: NotificationsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async badge(actor: Actor): Promise<ReferralBadge> {
    const counts = await this.referrals.inboxCounts(actor.institutionId, this.clock.now());
    return { ...counts, unreadNotifications: await this.notifications.unreadCount(actor.userId) };
  }

  async deadlines(): Promise<ReferralDeadlineSettings> {
    const rows = await this.referrals.deadlineSettings();
    const hours = Object.fromEntries(rows.map((r) => [r.urgency, r.hours])) as Record<string, number>;
    return { emergency: hours['emergency'], urgent: hours['urgent'], routine: hours['routine'], version: Math.max(...rows.map((r) => r.version)) };
  }

  /** An administrator's change: all three on the version read; 409 with the changed urgencies when someone saved since. */
  async setDeadlines(dto: ReferralDeadlinesDto): Promise<ReferralDeadlineSettings> {
    // Rows locked first: a concurrent save waits here, then sees the new version.
    await this.referrals.lockDeadlines();
    const current = await this.deadlines();
    const hours = { emergency: dto.emergency, urgent: dto.urgent, routine: dto.routine };
    if (current.version !== dto.version || !(await this.referrals.updateDeadlines(hours, dto.version))) {
      throw new StaleVersionError(current.version, REFERRAL_URGENCY.values.filter((u) => current[u] !== dto[u]));
    }
    await this.audit.record({ action: 'update', details: { section: 'referral_deadlines', ...hours } });
    return this.deadlines();
  }
}
