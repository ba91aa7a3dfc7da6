import { Injectable } from '@nestjs/common';
import { Mailer } from '@ruta/platform';

const SUBJECT = 'Fase de asistencia vencida / Assistance phase overdue';

/**
 * The overdue-phase notice by e-mail, through the platform's Mailer like the referral e-mails (only when SMTP_URL is
 * set, in the background, blind copies): the case code and a link to the case, never personal data.
 */
@Injectable()
export class PhaseOverdueMailer {
  constructor(private readonly mailer: Mailer) {}

  get enabled(): boolean {
    return this.mailer.enabled;
  }

  /** A mail server that is down never fails the job (the in-app alert is recorded already). */
  send(recipients: string[], caseCode: string): void {
    this.mailer.send(recipients, { subject: SUBJECT, caseCode, path: `/casos/${encodeURIComponent(caseCode)}` });
  }
}
