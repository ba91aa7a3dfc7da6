import { effect, inject, Injectable } from '@angular/core';
import { AuthStore } from '../../core/auth/auth.store';
import { IntakeValue } from './intake-form';

export interface IntakeDraftState {
  value: IntakeValue;
  step: number;
  savedAt: Date;
}

/**
 * The unfinished intake, kept in this tab's memory only: victim data never goes to localStorage or sessionStorage
 * (a shared workstation would keep it on disk). It survives moving around the app, not a reload, and it is wiped on
 * sign-out, on another user signing in, after a successful intake and when discarded.
 */
@Injectable({ providedIn: 'root' })
export class IntakeDraft {
  private state: IntakeDraftState | null = null;
  private owner: string | null = null;

  constructor() {
    const auth = inject(AuthStore);
    effect(() => {
      const userId = auth.isAuthenticated() ? (auth.me()?.id ?? null) : null;
      if (userId !== this.owner) this.clear();
      this.owner = userId;
    });
  }

  get(): IntakeDraftState | null {
    return this.state;
  }

  save(value: IntakeValue, step: number): IntakeDraftState {
    this.state = { value: JSON.parse(JSON.stringify(value)) as IntakeValue, step, savedAt: new Date() };
    return this.state;
  }

  clear(): void {
    this.state = null;
  }
}
