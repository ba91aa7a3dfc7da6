import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { InstitutionReferralStats, ReferralNetwork } from '@ruta/shared';
import { forkJoin } from 'rxjs';
import { FormError } from '../../core/http/form-error';
import { ErrorMessage, problemMessage } from '../../core/http/problem';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { ReferralsApi } from '../referrals.api';
import { ReferralNetworkChart } from './referral-network-chart';

/**
 * `/remisiones/panel`, the coordinators' review: per receiving institution, volumes and the median and 90th percentile
 * of hours to accept and to complete; and the network of referrals among the institutions (chart and table). Counts
 * and durations only: no case data.
 */
@Component({
  selector: 'ruta-referral-review-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, RouterLink, MatButtonModule, MatIconModule, TranslatePipe, FormError, ReferralNetworkChart],
  styles: ['.numbers td, .numbers th.num { text-align: end; } table { border-collapse: collapse; } th, td { padding: 6px 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); }'],
  template: `
    <section class="page" data-testid="referral-review" [attr.data-loaded]="loaded()">
      <div class="page-header">
        <h1 tabindex="-1">{{ 'referrals.review.title' | translate }}</h1>
        <div class="actions"><a mat-button routerLink="/remisiones"><mat-icon svgIcon="arrow_back" />{{ 'referrals.title' | translate }}</a></div>
      </div>
      <ruta-form-error [message]="error()" />
      <h2>{{ 'referrals.review.statsTitle' | translate }}</h2>
      <p class="muted">{{ 'referrals.review.statsHint' | translate }}</p>
      <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="'referrals.review.statsTitle' | translate">
        <table class="numbers" data-testid="referral-stats">
          <thead>
            <tr>
              <th scope="col">{{ 'referrals.review.institution' | translate }}</th>
              @for (c of statColumns; track c) { <th scope="col" class="num">{{ 'referrals.review.' + c | translate }}</th> }
            </tr>
          </thead>
          <tbody>
            @for (s of stats(); track s.institution.id) {
              <tr [attr.data-testid]="'referral-stats-' + s.institution.code">
                <th scope="row">{{ s.institution.name }}</th>
                <td>{{ s.received | number: '1.0-0' : locale() }}</td>
                <td>{{ s.accepted | number: '1.0-0' : locale() }}</td>
                <td>{{ s.completed | number: '1.0-0' : locale() }}</td>
                <td>{{ s.declined | number: '1.0-0' : locale() }}</td>
                <td>{{ s.overdue | number: '1.0-0' : locale() }}</td>
                <td>{{ hours(s.toAccept.medianHours) }}</td>
                <td>{{ hours(s.toAccept.p90Hours) }}</td>
                <td>{{ hours(s.toComplete.medianHours) }}</td>
                <td>{{ hours(s.toComplete.p90Hours) }}</td>
              </tr>
            } @empty {
              @if (loaded()) { <tr><td [attr.colspan]="statColumns.length + 1">{{ 'referrals.empty' | translate }}</td></tr> }
            }
          </tbody>
        </table>
      </div>
      <h2>{{ 'referrals.review.networkTitle' | translate }}</h2>
      @if (network(); as n) {
        @if (n.links.length) {
          <ruta-referral-network-chart [network]="n" [words]="words()" />
        }
        <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="'referrals.review.networkTitle' | translate">
          <table class="numbers" data-testid="referral-network-table">
            <caption class="cdk-visually-hidden">{{ 'referrals.review.networkTitle' | translate }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ 'referrals.filters.from' | translate }}</th>
                <th scope="col">{{ 'referrals.filters.to' | translate }}</th>
                @for (c of linkColumns; track c) { <th scope="col" class="num">{{ 'referrals.review.' + c | translate }}</th> }
              </tr>
            </thead>
            <tbody>
              @for (l of n.links; track l.fromId + l.toId) {
                <tr [attr.data-testid]="'referral-link-' + code(l.fromId) + '-' + code(l.toId)">
                  <td>{{ name(l.fromId) }}</td>
                  <td>{{ name(l.toId) }}</td>
                  <td>{{ l.total }}</td>
                  <td>{{ l.open }}</td>
                  <td>{{ l.completed }}</td>
                  <td>{{ l.declined }}</td>
                  <td>{{ l.cancelled }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>
  `,
})
export class ReferralReviewPage implements OnInit {
  private readonly api = inject(ReferralsApi);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);
  protected readonly locale = computed(() => LOCALES[this.language.current()]);
  protected readonly statColumns = ['received', 'accepted', 'completed', 'declined', 'overdueCount', 'acceptMedian', 'acceptP90', 'completeMedian', 'completeP90'];
  protected readonly linkColumns = ['total', 'open', 'completed', 'declined', 'cancelled'];
  protected readonly stats = signal<InstitutionReferralStats[]>([]);
  protected readonly network = signal<ReferralNetwork | null>(null);
  protected readonly loaded = signal(false);
  protected readonly error = signal<ErrorMessage | null>(null);
  private readonly institutions = computed(() => new Map((this.network()?.institutions ?? []).map((i) => [i.id, i])));
  protected readonly words = computed(() => {
    this.language.current();
    const t = (key: string) => this.translate.instant(`referrals.review.${key}`) as string;
    return { total: t('total'), open: t('open'), completed: t('completed'), declined: t('declined') };
  });

  ngOnInit(): void {
    forkJoin({ stats: this.api.reviewStats(), network: this.api.reviewNetwork() }).subscribe({
      next: ({ stats, network }) => {
        this.stats.set(stats);
        this.network.set(network);
        this.loaded.set(true);
      },
      error: (e: unknown) => {
        this.error.set(problemMessage(e));
        this.loaded.set(true);
      },
    });
  }

  protected name(id: string): string {
    return this.institutions().get(id)?.name ?? '';
  }

  protected code(id: string): string {
    return this.institutions().get(id)?.code ?? '';
  }

  /** Hours to one decimal in the user's locale, a dash when nothing was measured. */
  protected hours(value: number | null): string {
    return value === null ? '—' : (this.translate.instant('referrals.review.hours', { value: value.toLocaleString(this.locale(), { maximumFractionDigits: 1 }) }) as string);
  }
}
