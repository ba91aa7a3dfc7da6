import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ReferralBox, ReferralListItem } from '@ruta/shared';
import { FormError } from '../core/http/form-error';
import { ErrorMessage, problemMessage } from '../core/http/problem';
import { ReferralsApi } from './referrals.api';

/** `/remisiones`: referrals received by the user's institution (inbox) and sent by it (outbox), with their totals. */
@Component({
  selector: 'ruta-referrals-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTabsModule, RouterLink, TranslatePipe, FormError],
  template: `
    <section class="page">
      <div class="page-header"><h1 tabindex="-1">{{ 'referrals.title' | translate }}</h1></div>
      <ruta-form-error [message]="error()" />
      <mat-tab-group (selectedIndexChange)="show($event === 0 ? 'inbox' : 'outbox')">
        <mat-tab [label]="'referrals.inbox' | translate" />
        <mat-tab [label]="'referrals.outbox' | translate" />
      </mat-tab-group>
      <p class="muted" data-testid="referrals-total">{{ 'referrals.total' | translate: { count: total() } }}</p>
      <ul class="stack" data-testid="referrals-list" [attr.data-loaded]="loaded()">
        @for (r of items(); track r.id) {
          <li [attr.data-testid]="'referral-' + r.caseCode">
            <a [routerLink]="['/remisiones', r.id]">{{ r.caseCode }}</a>
            · {{ (box() === 'inbox' ? r.from.name : r.to.name) }}
            · {{ 'referrals.status.' + r.status | translate }}
            · {{ 'referrals.urgency.' + r.urgency | translate }}
            @if (r.overdue) { · <strong>{{ 'referrals.overdue' | translate }}</strong> }
          </li>
        } @empty {
          @if (loaded()) { <li class="muted">{{ 'referrals.empty' | translate }}</li> }
        }
      </ul>
    </section>
  `,
})
export class ReferralsPage implements OnInit {
  private readonly api = inject(ReferralsApi);
  protected readonly box = signal<ReferralBox>('inbox');
  protected readonly items = signal<ReferralListItem[]>([]);
  protected readonly total = signal(0);
  protected readonly loaded = signal(false);
  protected readonly error = signal<ErrorMessage | null>(null);

  ngOnInit(): void {
    this.show('inbox');
  }

  protected show(box: ReferralBox): void {
    this.box.set(box);
    this.loaded.set(false);
    this.api.list(box).subscribe({
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
