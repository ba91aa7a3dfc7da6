import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { effect, inject, Injectable, signal } from '@angular/core';
import { CaseDraftSavedView, CaseDraftView, SaveCaseDraftRequest } from '@ruta/shared';
import { catchError, concatMap, EMPTY, map, Observable, of, Subject, switchMap, tap, throwError, timer } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { IntakeValue } from './intake-form';

export const DRAFT_API = '/api/case-drafts/mine';
/** Quiet time after the last change before the draft is sent. */
export const AUTOSAVE_DELAY_MS = 2000;

export interface IntakeDraftState {
  value: IntakeValue;
  step: number;
  savedAt: Date;
}

export type DraftSaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

type Operation = { kind: 'save'; value: IntakeValue; step: number; now: boolean; generation: number } | { kind: 'delete' } | { kind: 'cancel' };

/**
 * The unfinished intake, kept on the server (sealed at rest, visible to its author only, deleted after 7 days unused):
 * never in localStorage or sessionStorage, where a shared workstation would keep it on disk. Saves are debounced and
 * sent one after another, so a discard or a successful intake always lands after the last save. Signing out or another
 * user signing in drops anything not yet sent; the draft on the server stays for its author to resume.
 */
@Injectable({ providedIn: 'root' })
export class IntakeDraft {
  private readonly http = inject(HttpClient);
  private readonly operations = new Subject<Operation>();
  private readonly savedAtState = signal<Date | null>(null);
  private readonly statusState = signal<DraftSaveStatus>('idle');
  private owner: string | null = null;
  /** Bumped by clear() and forget(): a save already in flight then no longer updates the status. */
  private generation = 0;

  /** When the draft last reached the server. */
  readonly savedAt = this.savedAtState.asReadonly();
  readonly status = this.statusState.asReadonly();

  constructor() {
    const auth = inject(AuthStore);
    effect(() => {
      const userId = auth.isAuthenticated() ? (auth.me()?.id ?? null) : null;
      if (userId !== this.owner) this.forget();
      this.owner = userId;
    });
    this.operations
      .pipe(
        // A newer operation replaces a save still waiting; a delete or cancel is never dropped.
        switchMap((op) => (op.kind === 'save' && !op.now ? timer(AUTOSAVE_DELAY_MS).pipe(map(() => op)) : of(op))),
        concatMap((op) => this.run(op)),
      )
      .subscribe();
  }

  /** The saved draft, or null when there is none (the server answers 404). */
  load(): Observable<IntakeDraftState | null> {
    return this.http.get<CaseDraftView>(DRAFT_API).pipe(
      map((draft) => ({ value: draft.value as unknown as IntakeValue, step: draft.step, savedAt: new Date(draft.updatedAt) })),
      catchError((error: unknown) => (error instanceof HttpErrorResponse && error.status === 404 ? of(null) : throwError(() => error))),
    );
  }

  /** Saves after `AUTOSAVE_DELAY_MS` without further changes, or at once (`now`, e.g. on a step change). */
  save(value: IntakeValue, step: number, options: { now?: boolean } = {}): void {
    this.statusState.set('pending');
    this.operations.next({ kind: 'save', value: JSON.parse(JSON.stringify(value)) as IntakeValue, step, now: !!options.now, generation: this.generation });
  }

  /** Drops any pending save and deletes the server draft (after a successful intake, or when discarded). */
  clear(): void {
    this.generation++;
    this.savedAtState.set(null);
    this.statusState.set('idle');
    this.operations.next({ kind: 'delete' });
  }

  /** Drops any pending save and forgets the status, leaving the server draft as it is. */
  forget(): void {
    this.generation++;
    this.savedAtState.set(null);
    this.statusState.set('idle');
    this.operations.next({ kind: 'cancel' });
  }

  private run(op: Operation): Observable<unknown> {
    if (op.kind === 'cancel') return EMPTY;
    if (op.kind === 'delete') return this.http.delete<void>(DRAFT_API).pipe(catchError(() => EMPTY));
    if (op.generation !== this.generation) return EMPTY;
    const body: SaveCaseDraftRequest = { step: op.step, value: op.value as unknown as Record<string, unknown> };
    const current = () => op.generation === this.generation;
    this.statusState.set('saving');
    return this.http.put<CaseDraftSavedView>(DRAFT_API, body).pipe(
      tap((saved) => {
        if (!current()) return;
        this.savedAtState.set(new Date(saved.updatedAt));
        this.statusState.set('saved');
      }),
      // A failed save is retried with the next change; the wizard keeps working.
      catchError(() => {
        if (current()) this.statusState.set('failed');
        return EMPTY;
      }),
    );
  }
}
