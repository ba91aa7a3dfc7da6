import { Injectable } from '@nestjs/common';
import type { AuthenticatedSession } from './session.service';

/** How long a resolved session is reused without asking the database again. */
export const RECENT_SESSION_MS = 3_000;
const MAX_ENTRIES = 10_000;

/**
 * Sessions resolved in the last few seconds, by token hash, so that a user's burst of requests (a screen loads five
 * lists at once) does not look the same session up five times. Safe because the database checks the session again in
 * every request's own transaction (`ruta_begin_request()`, which answers 401 through TransactionRunner when the
 * session is no longer live) and derives row-level security from it, never from this cache. What the cache can delay
 * by at most RECENT_SESSION_MS is the guard's own view (permissions, stage) after a change made on another instance;
 * on this instance every change to sessions, users or roles clears it at once. Only complete logins are kept: a login
 * in progress (second factor, enrolment, password change) is looked up every time.
 */
@Injectable()
export class RecentSessions {
  private readonly entries = new Map<string, { until: number; session: AuthenticatedSession }>();

  get(tokenHash: string, now = Date.now()): AuthenticatedSession | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.session;
  }

  remember(tokenHash: string, session: AuthenticatedSession, now = Date.now()): void {
    if (session.stage !== 'done') return;
    this.entries.delete(tokenHash);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { until: now + RECENT_SESSION_MS, session });
  }

  /** A session, user or role changed: nothing remembered may outlive it. */
  forgetAll(): void {
    this.entries.clear();
  }
}
