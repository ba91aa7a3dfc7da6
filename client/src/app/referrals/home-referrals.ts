import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ListTotal, REFERRAL_PURPOSE, ReferralListItem } from '@ruta/shared';
import { OptionLabelPipe } from '../cases/option-label.pipe';
import { FormError } from '../core/http/form-error';
import { ErrorMessage, problemMessage } from '../core/http/problem';
import { LanguageService, LOCALES } from '../core/i18n/language.service';
import { ReferralsApi } from './referrals.api';

/** On a partner's home: the referrals received by its institution, newest first, with how many are new and overdue. */
@Component({
  selector: 'ruta-home-referrals',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, RouterLink, MatButtonModule, MatIconModule, TranslatePipe, OptionLabelPipe, FormError],
  template: `
    <section aria-labelledby="home-referrals-title" data-testid="home-referrals" [attr.data-loaded]="loaded()">
      <h2 id="home-referrals-title" class="section-title">{{ 'referrals.home.title' | translate }}</h2>
      <ruta-form-error [message]="error()" />
      @if (loaded() && !error()) {
        <p data-testid="home-referrals-summary">@let t = total();
          @let count = t.count | number: '1.0-0' : locales[language.current()];
          {{ (t.more ? 'referrals.home.summaryMore' : 'referrals.home.summary') | translate: { total: count, fresh: fresh(), overdue: overdue() } }}</p>
      }
      <ul class="stack">
        @for (r of items(); track r.id) {
          <li [attr.data-testid]="'home-referral-' + r.caseCode">
            <a [routerLink]="['/remisiones', r.id]">{{ r.caseCode }}</a>
            · {{ r.from.name }} · {{ r.purpose | rutaOption: purposes }} · {{ 'referrals.status.' + r.status | translate }}
            @if (r.overdue) { · <strong>{{ 'referrals.overdue' | translate }}</strong> }
          </li>
        } @empty {
          @if (loaded() && !error()) { <li class="muted">{{ 'referrals.empty' | translate }}</li> }
        }
      </ul>
      <a mat-stroked-button routerLink="/remisiones" data-testid="home-referrals-all"><mat-icon aria-hidden="true" svgIcon="arrow_forward" />{{ 'referrals.home.all' | translate }}</a>
    </section>
  `,
})
export class HomeReferrals implements OnInit {
  private readonly api = inject(ReferralsApi);
  protected readonly purposes = REFERRAL_PURPOSE;
  protected readonly items = signal<ReferralListItem[]>([]);
  protected readonly total = signal<ListTotal>({ count: 0, more: false });
  protected readonly language = inject(LanguageService);
  protected readonly locales = LOCALES;
  protected readonly loaded = signal(false);
  protected readonly error = signal<ErrorMessage | null>(null);
  /** Not opened yet. */
  protected readonly fresh = computed(() => this.items().filter((r) => r.status === 'sent').length);
  protected readonly overdue = computed(() => this.items().filter((r) => r.overdue).length);

  ngOnInit(): void {
    this.api.list('inbox', { limit: 10 }).subscribe({
      next: (page) => {
        this.items.set(page.items);
        this.total.set(page.total);
        this.loaded.set(true);
      },
      error: (error: unknown) => {
        this.error.set(problemMessage(error));
        this.loaded.set(true);
      },
    });
  }
}
