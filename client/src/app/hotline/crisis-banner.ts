import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { HotlineCrisisItem } from '@ruta/shared';
import { AuthStore } from '../core/auth/auth.store';
import { Notifier } from '../core/http/notifier';
import { HotlineApi } from './hotline.api';
import { elapsedText } from './intake/call-timer';

const POLL_MS = 15_000;

/**
 * At the top of every screen of whoever reads the hotline (operators, supervisors): the crisis calls nobody has taken
 * yet, with how long each has waited, until someone takes one. Codes and times only, never what the call said.
 */
@Component({
  selector: 'ruta-crisis-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    @if (items().length) {
      <aside class="crisis" role="region" [attr.aria-label]="'hotline.crisis.label' | translate" data-testid="crisis-banner">
        <mat-icon aria-hidden="true" svgIcon="warning" />
        <ul>
          @for (c of items(); track c.id) {
            <li [attr.data-testid]="'crisis-' + c.code">
              <span>{{ 'hotline.crisis.waiting' | translate: { code: c.code, elapsed: waited(c) } }}</span>
              @if (canTake()) {
                <button mat-flat-button type="button" (click)="take(c)" [attr.data-testid]="'crisis-take-' + c.code">{{ 'hotline.crisis.take' | translate: { code: c.code } }}</button>
              }
            </li>
          }
        </ul>
      </aside>
    }
  `,
  styles: `
    .crisis { display: flex; gap: 12px; align-items: flex-start; padding: 8px 16px; background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; flex: 1; }
    li { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; }
  `,
})
export class CrisisBanner {
  private readonly api = inject(HotlineApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  protected readonly items = signal<HotlineCrisisItem[]>([]);
  private readonly now = signal(Date.now());
  protected readonly canTake = () => this.auth.can('hotline:manage');

  constructor() {
    const destroyRef = inject(DestroyRef);
    const tick = setInterval(() => this.now.set(Date.now()), 1000);
    let poll: ReturnType<typeof setInterval> | undefined;
    destroyRef.onDestroy(() => {
      clearInterval(tick);
      if (poll) clearInterval(poll);
    });
    effect(() => {
      if (poll) clearInterval(poll);
      poll = undefined;
      if (!this.auth.can('hotline:read')) {
        this.items.set([]);
        return;
      }
      this.refresh();
      poll = setInterval(() => this.refresh(), POLL_MS);
    });
  }

  protected waited(c: HotlineCrisisItem): string {
    return elapsedText(this.now() - new Date(c.startedAt).getTime());
  }

  protected take(c: HotlineCrisisItem): void {
    this.api.get(c.id).subscribe({
      next: (contact) =>
        this.api.take(contact.id, contact.version).subscribe({
          next: () => {
            this.notifier.info('hotline.crisis.taken', { code: c.code });
            this.refresh();
            void this.router.navigate(['/linea', c.id]);
          },
          error: () => this.refresh(),
        }),
      error: () => this.refresh(),
    });
  }

  private refresh(): void {
    this.api.crisis().subscribe({ next: (list) => this.items.set(list), error: () => undefined });
  }
}
