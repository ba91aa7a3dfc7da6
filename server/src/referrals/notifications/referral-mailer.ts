import { Inject, Injectable, Logger } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { NotificationKind } from '@ruta/shared';
import { errorFacts, RUTA_CONFIG, RutaConfig } from '@ruta/platform';

const SUBJECTS: Record<NotificationKind, string> = {
  referral_received: 'Nueva remisión / New referral',
  referral_status: 'Remisión actualizada / Referral updated',
  referral_overdue: 'Remisión vencida / Referral overdue',
  referral_access_ended: 'Acceso terminado / Access ended',
};

/**
 * E-mail about referrals, only when SMTP_URL is set (off by default). A mail carries the case code and a link, never
 * personal data: whoever reads it signs in to see more.
 */
@Injectable()
export class ReferralMailer {
  private readonly logger = new Logger(ReferralMailer.name);
  private readonly transport: Transporter | null;

  constructor(@Inject(RUTA_CONFIG) private readonly config: RutaConfig) {
    this.transport = config.SMTP_URL ? createTransport(config.SMTP_URL) : null;
  }

  get enabled(): boolean {
    return !!this.transport;
  }

  /** Sends in the background; a mail server that is down never fails the request. */
  send(recipients: string[], message: { kind: NotificationKind; caseCode: string; referralId: string }): void {
    if (!this.transport || !recipients.length) return;
    const link = `${this.config.PUBLIC_URL.replace(/\/$/, '')}/referrals/${message.referralId}`;
    const text = `${SUBJECTS[message.kind]}\n\nCaso / Case: ${message.caseCode}\n${link}\n\nRuta`;
    this.transport
      .sendMail({ from: this.config.MAIL_FROM, bcc: recipients, subject: `Ruta: ${SUBJECTS[message.kind]} ${message.caseCode}`, text })
      .catch((error: unknown) => this.logger.warn(`Referral e-mail not sent: ${errorFacts(error)}`));
  }
}
