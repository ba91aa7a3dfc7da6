import { Inject, Injectable, Logger } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { RutaConfig } from '../config/config';
import { RUTA_CONFIG } from '../config/config.token';
import { errorFacts } from '../logging/error-facts';

/** One notice by e-mail: a subject, the case code and the path of the screen it concerns. Never personal data. */
export interface CaseNotice {
  subject: string;
  caseCode: string;
  /** The screen's path under PUBLIC_URL, e.g. `/casos/RT-2026-000001`. */
  path: string;
}

/**
 * E-mail notices, only when SMTP_URL is set (off by default): sent in the background to blind copies, so a mail server
 * that is down never fails a request or a job (the in-app notification is recorded already). A notice carries the case
 * code and a link: whoever reads it signs in to see more. Failures are logged as errorFacts (never the server's text).
 */
@Injectable()
export class Mailer {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter | null;

  constructor(@Inject(RUTA_CONFIG) private readonly config: RutaConfig) {
    this.transport = config.SMTP_URL ? createTransport(config.SMTP_URL) : null;
  }

  get enabled(): boolean {
    return !!this.transport;
  }

  send(recipients: string[], notice: CaseNotice): void {
    if (!this.transport || !recipients.length) return;
    const link = `${this.config.PUBLIC_URL.replace(/\/$/, '')}${notice.path}`;
    const text = `${notice.subject}\n\nCaso / Case: ${notice.caseCode}\n${link}\n\nRuta`;
    this.transport
      .sendMail({ from: this.config.MAIL_FROM, bcc: recipients, subject: `Ruta: ${notice.subject} ${notice.caseCode}`, text })
      .catch((error: unknown) => this.logger.warn(`E-mail "${notice.subject}" not sent: ${errorFacts(error)}`));
  }
}
