import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ReferralBox, ReferralListItem } from '@ruta/shared';
import { catchError, finalize } from 'rxjs';
import { AuthStore } from '../core/auth/auth.store';
import { CanDirective } from '../core/auth/can.directive';
import { CursorList } from '../core/http/cursor-list';
import { FormError } from '../core/http/form-error';
import { ErrorMessage, problemMessage } from '../core/http/problem';
import { ListSummary, PageSize } from '../core/layout/list-summary';
import { ReferralFilters, ReferralFilterValue } from './list/referral-filters';
import { ReferralOrder, ReferralTable } from './list/referral-table';
import { ReferralBadgeStore } from './referral-badge.store';
import { ReferralsApi } from './referrals.api';

/**
 * `/remisiones`: referrals received by the user's institution (inbox), sent by it (outbox) and, for coordinators, all
 * of them; filtered, sorted and paged by the server, with the total of the filters.
 */
@Component({
  selector: 'ruta-referrals-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTabsModule, MatButtonModule, MatIconModule, RouterLink, TranslatePipe, CanDirective, FormError, ListSummary, ReferralFilters, ReferralTable],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 tabindex="-1">{{ 'referrals.title' | translate }}</h1>
        <div class="actions">
          <a mat-stroked-button routerLink="/remisiones/notificaciones" data-testid="referrals-notifications-link">
            <mat-icon svgIcon="notifications" />{{ 'referrals.notifications.title' | translate }}
            @if (badge.badge()?.unreadNotifications; as n) { <span class="count-badge" data-testid="referrals-unread">{{ n }}</span> }
          </a>
          <a mat-stroked-button routerLink="/remisiones/panel" *rutaCan="'indicators:read'" data-testid="referrals-review-link"><mat-icon svgIcon="hub" />{{ 'referrals.review.title' | translate }}</a>
        </div>
      </div>
      <ruta-form-error [message]="error()" />
      <mat-tab-group (selectedIndexChange)="show(boxes()[$event])" data-testid="referrals-tabs">
        @for (b of boxes(); track b) {
          <mat-tab [label]="'referrals.boxes.' + b | translate" />
        }
      </mat-tab-group>
      <ruta-referral-filters [box]="box()" (changed)="filter($event)" />
      <div class="list-bar" role="status" data-testid="referrals-status" [attr.data-searches]="searches()">
        <ruta-list-summary [total]="list.loading() ? null : list.total()" [nouns]="nouns" [pageSize]="pageSize()" (pageSizeChange)="resize($event)" />
      </div>
      <div data-testid="referrals-list" [attr.data-loaded]="list.loaded() && !list.loading()">
        <ruta-referral-table [items]="list.items()" [box]="box()" [order]="order()" [loading]="list.loading()" (orderChange)="sortBy($event)" />
      </div>
      @if (list.nextCursor()) {
        <button mat-stroked-button type="button" class="more" (click)="list.more()" [disabled]="list.loading()" data-testid="referrals-more">{{ 'common.loadMore' | translate }}</button>
      }
    </section>
  `,
})
export class ReferralsPage implements OnInit {
  private readonly api = inject(ReferralsApi);
  private readonly auth = inject(AuthStore);
  protected readonly badge = inject(ReferralBadgeStore);
  protected readonly nouns = { one: 'referrals.totalOne', other: 'referrals.total', more: 'referrals.totalMore' };
  /** Coordinators (every institution's cases) also review all referrals. */
  protected readonly boxes = computed<ReferralBox[]>(() => (['all', 'all_pseudonymised'].includes(this.auth.me()?.role.scope ?? '') ? ['inbox', 'outbox', 'all'] : ['inbox', 'outbox']));
  protected readonly box = signal<ReferralBox>('inbox');
  private readonly filters = signal<ReferralFilterValue>({});
  protected readonly order = signal<ReferralOrder>({ sort: 'created', direction: 'desc' });
  protected readonly pageSize = signal<PageSize>(25);
  protected readonly error = signal<ErrorMessage | null>(null);
  /** Completed requests: a reader (or a browser test) tells a fresh answer from the previous one. */
  protected readonly searches = signal(0);
  protected readonly list = new CursorList<ReferralListItem>((cursor) =>
    this.api.list(this.box(), { ...this.filters(), ...this.order(), cursor, limit: this.pageSize() }).pipe(
      catchError((error: unknown) => {
        this.error.set(problemMessage(error));
        throw error;
      }),
      finalize(() => this.searches.update((n) => n + 1)),
    ),
  );

  ngOnInit(): void {
    this.reload();
  }

  protected show(box: ReferralBox): void {
    this.box.set(box);
    this.reload();
  }

  protected filter(value: ReferralFilterValue): void {
    this.filters.set(value);
    this.reload();
  }

  protected sortBy(order: ReferralOrder): void {
    this.order.set(order);
    this.reload();
  }

  protected resize(size: PageSize): void {
    this.pageSize.set(size);
    this.reload();
  }

  private reload(): void {
    this.error.set(null);
    this.list.reload();
  }
}
