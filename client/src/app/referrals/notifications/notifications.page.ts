import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NotificationView, REFERRAL_STATUS } from '@ruta/shared';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { CursorList } from '../../core/http/cursor-list';
import { FormError } from '../../core/http/form-error';
import { ErrorMessage, problemMessage } from '../../core/http/problem';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { ReferralBadgeStore } from '../referral-badge.store';
import { ReferralsApi } from '../referrals.api';
import { tap } from 'rxjs';

/**
 * `/remisiones/notificaciones`: the signed-in user's in-app notifications, newest first, unread ones marked; opening
 * one marks it read and goes to its referral. A case code and what happened, never personal data.
 */
@Component({
  selector: 'ruta-notifications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, MatButtonModule, MatIconModule, TranslatePipe, OptionLabelPipe, FormError],
  styles: ['.unread { font-weight: 600; } .notification { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; }'],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 tabindex="-1">{{ 'referrals.notifications.title' | translate }}</h1>
        <div class="actions">
          <a mat-button routerLink="/remisiones"><mat-icon svgIcon="arrow_back" />{{ 'referrals.title' | translate }}</a>
          <button mat-stroked-button type="button" (click)="readAll()" [disabled]="!unread()" data-testid="notifications-read-all"><mat-icon svgIcon="check" />{{ 'referrals.notifications.readAll' | translate }}</button>
        </div>
      </div>
      <ruta-form-error [message]="error()" />
      <p role="status" data-testid="notifications-summary" [attr.data-loaded]="list.loaded()">
        @if (list.loaded()) { {{ 'referrals.notifications.summary' | translate: { total: list.total()?.count ?? 0, unread: unread() } }} }
      </p>
      <ul class="stack" data-testid="notifications-list">
        @for (n of list.items(); track n.id) {
          <li class="notification" [class.unread]="!n.readAt" [attr.data-testid]="'notification-' + n.caseCode + '-' + n.kind" [attr.data-unread]="!n.readAt">
            <a [href]="'/remisiones/' + n.referralId" (click)="open($event, n)">{{ 'referrals.notifications.kind.' + n.kind | translate: { code: n.caseCode } }}</a>
            @if (n.status) { <span>{{ n.status | rutaOption: statuses }}</span> }
            <span class="muted">{{ n.createdAt | date: 'short' : undefined : locales[language.current()] }}</span>
            @if (!n.readAt) {
              <span class="cdk-visually-hidden">{{ 'referrals.notifications.unread' | translate }}</span>
              <button mat-button type="button" (click)="markRead(n)" [attr.data-testid]="'notification-read-' + n.id">{{ 'referrals.notifications.markRead' | translate }}</button>
            }
          </li>
        } @empty {
          @if (list.loaded()) { <li class="muted">{{ 'referrals.notifications.empty' | translate }}</li> }
        }
      </ul>
      @if (list.nextCursor()) {
        <button mat-stroked-button type="button" (click)="list.more()" [disabled]="list.loading()" data-testid="notifications-more">{{ 'common.loadMore' | translate }}</button>
      }
    </section>
  `,
})
export class NotificationsPage implements OnInit {
  private readonly api = inject(ReferralsApi);
  private readonly badge = inject(ReferralBadgeStore);
  private readonly router = inject(Router);
  protected readonly language = inject(LanguageService);
  protected readonly locales = LOCALES;
  protected readonly statuses = REFERRAL_STATUS;
  protected readonly unread = signal(0);
  protected readonly error = signal<ErrorMessage | null>(null);
  protected readonly list = new CursorList<NotificationView>((cursor) =>
    this.api.notifications(cursor).pipe(tap({ next: (page) => this.unread.set(page.unread), error: (e: unknown) => this.error.set(problemMessage(e)) })),
  );

  ngOnInit(): void {
    this.list.reload();
  }

  protected markRead(n: NotificationView): void {
    this.api.readNotification(n.id).subscribe({ next: () => this.markedRead([n.id]), error: (e: unknown) => this.error.set(problemMessage(e)) });
  }

  /** Opening one marks it read first (when unread), then goes to its referral in the app. */
  protected open(event: MouseEvent, n: NotificationView): void {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    const go = () => void this.router.navigate(['/remisiones', n.referralId]);
    if (n.readAt) return go();
    this.api.readNotification(n.id).subscribe({
      next: () => {
        this.markedRead([n.id]);
        go();
      },
      error: go,
    });
  }

  protected readAll(): void {
    this.api.readAllNotifications().subscribe({ next: () => this.markedRead(this.list.items().map((n) => n.id)), error: (e: unknown) => this.error.set(problemMessage(e)) });
  }

  private markedRead(ids: string[]): void {
    const now = new Date().toISOString();
    for (const id of ids) {
      const item = this.list.items().find((n) => n.id === id);
      if (item && !item.readAt) {
        this.list.replace((n) => n.id === id, { ...item, readAt: now });
        this.unread.update((u) => Math.max(0, u - 1));
      }
    }
    if (ids.length > 1) this.unread.set(0);
    this.badge.refresh();
  }
}
