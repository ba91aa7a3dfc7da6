import { Injectable } from '@nestjs/common';
import { NotificationKind } from '@ruta/shared';
import { Mailer } from '@ruta/platform';

const SUBJECTS: Record<NotificationKind, string> = {
  referral_received: 'Nueva remisión / New referral',
  referral_status: 'Remisión actualizada / Referral updated',
  referral_overdue: 'Remisión vencida / Referral overdue',
  referral_access_ended: 'Acceso terminado / Access ended',
};

/**
 * E-mail about referrals through the platform's Mailer (only when SMTP_URL is set): the subject of the notification's
 * kind, the case code and a link to the referral's screen, never personal data.
 */
@Injectable()
export class ReferralMailer {
  constructor(private readonly mailer: Mailer) {}

  get enabled(): boolean {
    return this.mailer.enabled;
  }

  /** Sends in the background; a mail server that is down never fails the request. */
  send(recipients: string[], message: { kind: NotificationKind; caseCode: string; referralId: string }): void {
    this.mailer.send(recipients, { subject: SUBJECTS[message.kind], caseCode: message.caseCode, path: `/remisiones/${encodeURIComponent(message.referralId)}` });
  }
}
