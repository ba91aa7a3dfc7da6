import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { RETENTION_ITEM_STATUS, RetentionItemStatus, RetentionItemView, RetentionSort } from '@ruta/shared';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { CursorList } from '../../core/http/cursor-list';
import { FormError } from '../../core/http/form-error';
import { Notifier } from '../../core/http/notifier';
import { ErrorMessage, problemMessage } from '../../core/http/problem';
import { PrivacyApi } from '../privacy.api';
import { PrivacyTabs } from '../privacy-tabs';
import { RetentionItem } from './retention-item';
import { RetentionSettings } from './retention-settings';

/**
 * `/proteccion-datos`: the records whose retention period ran out, listed by the job (or now, on request), for a
 * reviewer to confirm (the identity is erased, the statistics stay) or postpone with a reason; with the periods.
 */
@Component({
  selector: 'ruta-retention-queue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatSelectModule, TranslatePipe, OptionLabelPipe, FormError, PrivacyTabs, RetentionItem, RetentionSettings],
  styles: '.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 8px 0; }',
  template: `
    <section class="page">
      <div class="page-header">
        <h1 tabindex="-1">{{ 'privacy.title' | translate }}</h1>
        <button mat-stroked-button type="button" (click)="run()" [disabled]="running()" data-testid="retention-run">{{ 'privacy.retention.run' | translate }}</button>
      </div>
      <ruta-privacy-tabs />
      <p class="muted">{{ 'privacy.retention.intro' | translate }}</p>
      <div class="filters">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'privacy.retention.status' | translate }}</mat-label>
          <mat-select [value]="status()" (selectionChange)="show($event.value, sort())" data-testid="retention-status">
            @for (s of statuses.values; track s) {
              <mat-option [value]="s" [attr.data-testid]="'retention-status-' + s">{{ s | rutaOption: statuses }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'privacy.sort' | translate }}</mat-label>
          <mat-select [value]="sort()" (selectionChange)="show(status(), $event.value)" data-testid="retention-sort">
            <mat-option value="due_asc" data-testid="retention-sort-asc">{{ 'privacy.retention.dueFirst' | translate }}</mat-option>
            <mat-option value="due_desc" data-testid="retention-sort-desc">{{ 'privacy.retention.dueLast' | translate }}</mat-option>
          </mat-select>
        </mat-form-field>
      </div>
      <ruta-form-error [message]="error()" />
      <p role="status" data-testid="retention-total" [attr.data-loaded]="list.loaded()">
        @if (list.loaded()) { {{ 'privacy.retention.total' | translate: { count: list.total()?.count ?? 0 } }} }
      </p>
      <div class="stack" data-testid="retention-items">
        @for (item of list.items(); track item.id) {
          <ruta-retention-item [item]="item" (decided)="decided($event)" />
        } @empty {
          @if (list.loaded()) { <p class="muted" data-testid="retention-empty">{{ 'privacy.retention.empty' | translate }}</p> }
        }
      </div>
      @if (list.nextCursor()) {
        <button mat-stroked-button type="button" (click)="list.more()" [disabled]="list.loading()" data-testid="retention-more">{{ 'common.loadMore' | translate }}</button>
      }
      <ruta-retention-settings />
    </section>
  `,
})
export class RetentionQueuePage implements OnInit {
  private readonly api = inject(PrivacyApi);
  private readonly notifier = inject(Notifier);
  protected readonly statuses = RETENTION_ITEM_STATUS;
  protected readonly status = signal<RetentionItemStatus>('pending');
  protected readonly sort = signal<RetentionSort>('due_asc');
  protected readonly running = signal(false);
  protected readonly error = signal<ErrorMessage | null>(null);
  protected readonly list = new CursorList<RetentionItemView>((cursor) => this.api.queue({ status: this.status(), sort: this.sort(), cursor, limit: 20 }));

  ngOnInit(): void {
    this.list.reload();
  }

  protected show(status: RetentionItemStatus, sort: RetentionSort): void {
    this.status.set(status);
    this.sort.set(sort);
    this.list.reload();
  }

  protected run(): void {
    this.running.set(true);
    this.error.set(null);
    this.api.runRetention().subscribe({
      next: (result) => {
        this.running.set(false);
        this.notifier.info('privacy.retention.listed', { count: result.listed });
        this.list.reload();
      },
      error: (error: unknown) => {
        this.running.set(false);
        this.error.set(problemMessage(error));
      },
    });
  }

  protected decided(item: RetentionItemView | null): void {
    if (item) this.notifier.info(item.status === 'erased' ? 'privacy.retention.erased' : 'privacy.retention.postponed');
    else this.notifier.info('errors.stale_version');
    this.list.reload();
  }
}
