import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { ERASURE_STATUS, ErasureRequestView, ErasureSort, ErasureStatus } from '@ruta/shared';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { CursorList } from '../../core/http/cursor-list';
import { Notifier } from '../../core/http/notifier';
import { PrivacyApi } from '../privacy.api';
import { PrivacyTabs } from '../privacy-tabs';
import { ErasureRequestCard } from './erasure-request-card';
import { ErasureRequestForm } from './erasure-request-form';

/**
 * `/proteccion-datos/supresion`: erasure requests (Law 1581 habeas data): record one, two other people approve it,
 * carry it out, download its certificate. Newest first or oldest first, by status, with the total.
 */
@Component({
  selector: 'ruta-erasure-requests-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatSelectModule, TranslatePipe, OptionLabelPipe, PrivacyTabs, ErasureRequestCard, ErasureRequestForm],
  styles: '.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 8px 0; }',
  template: `
    <section class="page">
      <div class="page-header">
        <h1 tabindex="-1">{{ 'privacy.title' | translate }}</h1>
      </div>
      <ruta-privacy-tabs />
      <p class="muted">{{ 'privacy.erasure.intro' | translate }}</p>
      <ruta-erasure-request-form (recorded)="recorded()" />
      <h2>{{ 'privacy.erasure.list' | translate }}</h2>
      <div class="filters">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'privacy.erasure.status' | translate }}</mat-label>
          <mat-select [value]="status()" (selectionChange)="show($event.value, sort())" data-testid="erasure-status-filter">
            <mat-option value="" data-testid="erasure-status-all">{{ 'common.all' | translate }}</mat-option>
            @for (s of statuses.values; track s) {
              <mat-option [value]="s" [attr.data-testid]="'erasure-status-' + s">{{ s | rutaOption: statuses }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'privacy.sort' | translate }}</mat-label>
          <mat-select [value]="sort()" (selectionChange)="show(status(), $event.value)" data-testid="erasure-sort">
            <mat-option value="created_desc" data-testid="erasure-sort-newest">{{ 'privacy.erasure.newest' | translate }}</mat-option>
            <mat-option value="created_asc" data-testid="erasure-sort-oldest">{{ 'privacy.erasure.oldest' | translate }}</mat-option>
          </mat-select>
        </mat-form-field>
      </div>
      <p role="status" data-testid="erasure-total" [attr.data-loaded]="list.loaded()">
        @if (list.loaded()) { {{ 'privacy.erasure.total' | translate: { count: list.total()?.count ?? 0 } }} }
      </p>
      @if (list.failed()) { <p class="error" role="alert">{{ 'errors.generic' | translate }}</p> }
      <div class="stack" data-testid="erasure-requests">
        @for (r of list.items(); track r.id) {
          <ruta-erasure-request-card [request]="r" (changed)="changed($event)" />
        } @empty {
          @if (list.loaded()) { <p class="muted" data-testid="erasure-empty">{{ 'privacy.erasure.empty' | translate }}</p> }
        }
      </div>
      @if (list.nextCursor()) {
        <button mat-stroked-button type="button" (click)="list.more()" [disabled]="list.loading()" data-testid="erasure-more">{{ 'common.loadMore' | translate }}</button>
      }
    </section>
  `,
})
export class ErasureRequestsPage implements OnInit {
  private readonly notifier = inject(Notifier);
  private readonly api = inject(PrivacyApi);
  protected readonly statuses = ERASURE_STATUS;
  protected readonly status = signal<ErasureStatus | ''>('');
  protected readonly sort = signal<ErasureSort>('created_desc');
  protected readonly list = new CursorList<ErasureRequestView>((cursor) => this.api.requests({ status: this.status() || undefined, sort: this.sort(), cursor, limit: 20 }));

  ngOnInit(): void {
    this.list.reload();
  }

  protected show(status: ErasureStatus | '', sort: ErasureSort): void {
    this.status.set(status);
    this.sort.set(sort);
    this.list.reload();
  }

  protected recorded(): void {
    this.notifier.info('privacy.erasure.recorded');
    this.list.reload();
  }

  protected changed(r: ErasureRequestView | null): void {
    if (!r) {
      this.notifier.info('errors.stale_version');
      this.list.reload();
      return;
    }
    this.list.replace((item) => item.id === r.id, r);
    this.notifier.info(`privacy.erasure.now.${r.status}`);
  }
}
