import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import { AuditAnchors, ChainHead } from './audit-anchors';
import { readChainHead, sealPendingEvents } from './audit-chain';
import { errorFacts } from '../logging/error-facts';

/** How often, at most, a moving chain head is exported to the anchor file (also at start, shutdown and verification). */
const ANCHOR_INTERVAL_MS = 10_000;

/** Seals new audit events every second, off the request path, and exports the chain head to the anchor file. */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditSealer.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  /** The head as last sealed or seen, when this process has not anchored it yet. */
  private unanchored?: ChainHead;
  private anchored?: ChainHead;
  private anchoredAt = 0;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly anchors: AuditAnchors,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sealNow().catch((error: unknown) => this.logger.error(`Audit sealing failed: ${errorFacts(error)}`)), 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => 0);
    await this.anchor();
  }

  /** Seals what is pending now, and anchors the head when the last anchor is old enough. */
  sealNow(): Promise<number> {
    this.running ??= this.transactions
      .runAsSystem(async (manager) => ({ sealed: await sealPendingEvents(manager), head: await readChainHead(manager) }))
      .then(async ({ sealed, head }) => {
        if (head && (head.seq !== this.anchored?.seq || head.hash !== this.anchored?.hash)) this.unanchored = head;
        if (Date.now() - this.anchoredAt >= ANCHOR_INTERVAL_MS) await this.anchor();
        return sealed;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  /** Seals what is pending and anchors the head at once (before a verification). */
  async sealAndAnchor(): Promise<void> {
    // A run in progress may have started before the caller's events committed: let it finish, then run again.
    await this.running?.catch(() => 0);
    await this.sealNow();
    await this.anchor();
  }

  /** Appends the unanchored head to the anchor file and logs it; a failure is logged, never thrown at the sealer. */
  private async anchor(): Promise<void> {
    const head = this.unanchored;
    if (!head) return;
    try {
      const anchor = await this.anchors.append(head);
      this.anchored = head;
      this.anchoredAt = Date.now();
      if (this.unanchored === head) this.unanchored = undefined;
      this.logger.log(`Audit chain anchored: seal ${anchor.seq}, head hash ${anchor.hash}, ${anchor.events} events sealed`);
    } catch (error) {
      this.anchoredAt = Date.now();
      this.logger.error(`Audit anchor not written to ${this.anchors.file}: ${(error as Error).message}`);
    }
  }
}
