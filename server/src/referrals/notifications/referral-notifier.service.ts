import { Injectable } from '@nestjs/common';
import { NotificationKind, ReferralStatus } from '@ruta/shared';
import { NotificationsRepository } from './notifications.repository';
import { ReferralMailer } from './referral-mailer';

/** Tells an institution's users about a referral: in-app notifications, and e-mail when configured. */
@Injectable()
export class ReferralNotifier {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly mailer: ReferralMailer,
  ) {}

  async notify(referralId: string, institutionId: string, kind: NotificationKind, status: ReferralStatus | null): Promise<void> {
    const { emails, caseCode } = await this.notifications.notifyInstitution(referralId, institutionId, kind, status);
    if (caseCode) this.mailer.send(emails, { kind, caseCode, referralId });
  }
}
