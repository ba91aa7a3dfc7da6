import { Inject, Injectable, Logger } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { errorFacts, RUTA_CONFIG, RutaConfig } from '@ruta/platform';

const SUBJECT = 'Fase de asistencia vencida / Assistance phase overdue';

/**
 * The overdue-phase notice by e-mail, through the same mechanism as the referral e-mails: only when SMTP_URL is set,
 * sent in the background, blind copies. A mail carries the case code and a link, never personal data: whoever reads it
 * signs in to see more.
 */
@Injectable()
export class PhaseOverdueMailer {
  private readonly logger = new Logger(PhaseOverdueMailer.name);
  private readonly transport: Transporter | null;

  constructor(@Inject(RUTA_CONFIG) private readonly config: RutaConfig) {
    this.transport = config.SMTP_URL ? createTransport(config.SMTP_URL) : null;
  }

  get enabled(): boolean {
    return !!this.transport;
  }

  /** A mail server that is down never fails the job (the in-app alert is recorded already). */
  send(recipients: string[], caseCode: string): void {
    if (!this.transport || !recipients.length) return;
    const link = `${this.config.PUBLIC_URL.replace(/\/$/, '')}/casos/${encodeURIComponent(caseCode)}`;
    const text = `${SUBJECT}\n\nCaso / Case: ${caseCode}\n${link}\n\nRuta`;
    this.transport
      .sendMail({ from: this.config.MAIL_FROM, bcc: recipients, subject: `Ruta: ${SUBJECT} ${caseCode}`, text })
      .catch((error: unknown) => this.logger.warn(`Overdue-phase e-mail not sent: ${errorFacts(error)}`));
  }
}
