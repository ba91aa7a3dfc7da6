import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import { sealPendingEvents } from './audit-chain';

/** Seals new audit events every second, off the request path. */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditSealer.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(private readonly transactions: TransactionRunner) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sealNow().catch((error: Error) => this.logger.error(`Audit sealing failed: ${error.message}`)), 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => 0);
  }

  /** Seals what is pending now (also called before a verification). */
  sealNow(): Promise<number> {
    this.running ??= this.transactions.runAsSystem((manager) => sealPendingEvents(manager)).finally(() => (this.running = undefined));
    return this.running;
  }
}
