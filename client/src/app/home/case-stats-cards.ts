import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { CASE_STATUS, CaseStatsView } from '@ruta/shared';
import { LanguageService, LOCALES } from '../core/i18n/language.service';
import { CaseStatsApi } from './case-stats.api';

/**
 * Counts of the cases in the user's scope, one Material card each; every card opens the case list. No filter travels
 * in the URL: the list has no query-parameter filters, and the counts name no case.
 */
@Component({
  selector: 'ruta-case-stats-cards',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatCardModule, MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    <section aria-labelledby="home-stats-title" aria-live="polite" [attr.aria-busy]="loading()">
      <h2 id="home-stats-title" class="section-title">{{ 'home.statsTitle' | translate }}</h2>
      @if (stats()) {
        <div class="stats-grid">
          @for (card of cards(); track card.key) {
            <mat-card appearance="outlined" [attr.data-testid]="'stat-' + card.key">
              <a class="stat-link" routerLink="/casos" [attr.data-testid]="'stat-' + card.key + '-link'">
                <span class="stat-value" [attr.data-testid]="'stat-' + card.key + '-value'">{{ card.value }}</span>
                <span class="stat-label">{{ card.label | translate }}</span>
                @if (card.key === 'recent') {
                  <span class="muted">{{ 'home.recentSince' | translate: { date: recentSince() } }}</span>
                }
              </a>
            </mat-card>
          }
          <mat-card appearance="outlined" class="by-status" data-testid="stat-by-status">
            <mat-card-header>
              <mat-card-title><h3 class="card-heading">{{ 'home.byStatus' | translate }}</h3></mat-card-title>
            </mat-card-header>
            <mat-card-content>
              <dl class="facts">
                @for (row of byStatus(); track row.status) {
                  <dt>{{ row.label }}</dt>
                  <dd [attr.data-testid]="'stat-status-' + row.status">{{ row.count }}</dd>
                }
              </dl>
            </mat-card-content>
            <mat-card-actions>
              <a mat-button routerLink="/casos" data-testid="stat-by-status-link">{{ 'home.viewCases' | translate }}</a>
            </mat-card-actions>
          </mat-card>
        </div>
      } @else if (failed()) {
        <p class="form-error" role="alert" data-testid="stats-error"><mat-icon aria-hidden="true" svgIcon="error" />{{ 'home.statsError' | translate }}</p>
        <button mat-stroked-button type="button" (click)="load()" data-testid="stats-retry">{{ 'home.retry' | translate }}</button>
      } @else {
        <p class="muted" data-testid="stats-loading">{{ 'home.statsLoading' | translate }}</p>
      }
    </section>
  `,
  styles: `
    .section-title { font: var(--mat-sys-title-large); margin: 0 0 12px; }
    .stats-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 16px; }
    .stat-link { display: flex; flex-direction: column; gap: 4px; padding: 16px; color: inherit; text-decoration: none; border-radius: inherit; height: 100%; box-sizing: border-box; }
    .stat-link:hover .stat-label, .stat-link:focus-visible .stat-label { text-decoration: underline; }
    .stat-value { font: var(--mat-sys-display-small); color: var(--mat-sys-primary); }
    .stat-label { font: var(--mat-sys-title-small); }
    .by-status { grid-column: 1 / -1; }
    .card-heading { font: inherit; margin: 0; }
  `,
})
export class CaseStatsCards implements OnInit {
  private readonly api = inject(CaseStatsApi);
  private readonly language = inject(LanguageService);

  /** "Assigned to me" only for roles that can be assigned a case (see home-work.ts). */
  readonly showAssigned = input(true);
  protected readonly stats = signal<CaseStatsView | null>(null);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);
  /** The first day counted as recent, as a calendar date in the interface language. */
  protected readonly recentSince = computed(() => {
    const since = this.stats()?.recentSince;
    if (!since) return '';
    return new Intl.DateTimeFormat(LOCALES[this.language.current()], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${since}T00:00:00Z`));
  });

  protected readonly cards = computed(() => {
    const s = this.stats();
    if (!s) return [];
    return [
      { key: 'total', label: 'home.total', value: s.total },
      ...(this.showAssigned() ? [{ key: 'assigned', label: 'home.assignedToMe', value: s.assignedToMeActive }] : []),
      { key: 'recent', label: 'home.recent', value: s.identifiedRecently },
      { key: 'minors', label: 'home.minors', value: s.minors },
    ];
  });

  /** Every status in the order of the state machine, labelled from the shared list in the interface language. */
  protected readonly byStatus = computed(() => {
    const s = this.stats();
    const language = this.language.current();
    return s ? CASE_STATUS.values.map((status) => ({ status, label: CASE_STATUS.labels[status][language], count: s.byStatus[status] ?? 0 })) : [];
  });

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.failed.set(false);
    this.api.get().subscribe({
      next: (stats) => {
        this.stats.set(stats);
        this.loading.set(false);
      },
      error: () => {
        this.failed.set(true);
        this.loading.set(false);
      },
    });
  }
}
