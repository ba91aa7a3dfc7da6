import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { CASE_STATUS, CLOSURE_REASON, ClosureInboxItem } from '@ruta/shared';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { Notifier } from '../../core/http/notifier';
import { ErrorMessage, problemMessage } from '../../core/http/problem';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { AssistanceApi } from '../assistance.api';

/** The approval inbox: closure requests of the institution waiting for a decision, newest first, in pages. */
@Component({
  selector: 'ruta-closures-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorMessagePipe, FormError, OptionLabelPipe],
  template: `
    <section class="page" aria-labelledby="closures-title">
      <h1 id="closures-title">{{ 'assistance.closures.title' | translate }}</h1>
      <ruta-form-error [message]="loadError()" />
      <p data-testid="closures-total">{{ 'assistance.closures.total' | translate: { total: total() } }}</p>
      <ul class="stack" data-testid="closures-list">
        @for (c of items(); track c.id) {
          <li [attr.data-testid]="'closure-' + c.caseCode">
            <a [routerLink]="['/casos', c.caseCode]"><code>{{ c.caseCode }}</code></a>
            · {{ c.caseStatus | rutaOption: l.CASE_STATUS }} · {{ c.reason | rutaOption: l.CLOSURE_REASON }} · {{ c.requestedBy.name }} · {{ c.requestedAt | date: 'medium' : undefined : locale() }}
            @if (c.note) { <p class="muted">{{ c.note }}</p> }
            @if (deciding()?.id === c.id) {
              <form class="stack" [formGroup]="form" (ngSubmit)="decide(c, 'approve')" data-testid="closure-decision-form">
                <mat-form-field>
                  <mat-label>{{ 'assistance.closures.comment' | translate }}</mat-label>
                  <textarea matInput formControlName="comment" rows="2" data-testid="closure-comment"></textarea>
                  <mat-hint>{{ 'assistance.closures.commentHint' | translate }}</mat-hint>
                  <mat-error>{{ form.controls.comment.errors | rutaError }}</mat-error>
                </mat-form-field>
                <ruta-form-error [message]="error()" />
                <div class="actions">
                  <button mat-button type="button" (click)="deciding.set(null)">{{ 'common.cancel' | translate }}</button>
                  <button mat-stroked-button type="button" [disabled]="busy()" (click)="decide(c, 'reject')" data-testid="closure-reject">{{ 'assistance.closures.reject' | translate }}</button>
                  <button mat-flat-button type="submit" [disabled]="busy()" data-testid="closure-approve">{{ 'assistance.closures.approve' | translate }}</button>
                </div>
              </form>
            } @else {
              <button mat-stroked-button type="button" (click)="open(c)" [attr.data-testid]="'closure-decide-' + c.caseCode">{{ 'assistance.closures.decide' | translate }}</button>
            }
          </li>
        } @empty {
          @if (loaded()) { <li class="muted">{{ 'assistance.closures.none' | translate }}</li> }
        }
      </ul>
      @if (nextCursor()) {
        <button mat-stroked-button type="button" (click)="load(nextCursor())" data-testid="closures-more">{{ 'assistance.more' | translate }}</button>
      }
    </section>
  `,
})
export class ClosuresPage implements OnInit {
  private readonly api = inject(AssistanceApi);
  private readonly notifier = inject(Notifier);
  private readonly language = inject(LanguageService);
  protected readonly l = { CASE_STATUS, CLOSURE_REASON };
  protected readonly locale = computed(() => LOCALES[this.language.current()]);
  protected readonly items = signal<ClosureInboxItem[]>([]);
  protected readonly total = signal(0);
  protected readonly nextCursor = signal<string | undefined>(undefined);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal<ErrorMessage | null>(null);
  protected readonly deciding = signal<ClosureInboxItem | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({ comment: ['', Validators.maxLength(2000)] });
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  ngOnInit(): void {
    this.load();
  }

  protected load(cursor?: string): void {
    this.api.closures({ cursor, limit: 25 }).subscribe({
      next: (page) => {
        this.items.update((items) => (cursor ? [...items, ...page.items] : page.items));
        this.total.set(page.total);
        this.nextCursor.set(page.nextCursor);
        this.loaded.set(true);
      },
      error: (e: unknown) => this.loadError.set(problemMessage(e)),
    });
  }

  protected open(item: ClosureInboxItem): void {
    this.form.reset();
    this.deciding.set(item);
  }

  protected decide(item: ClosureInboxItem, decision: 'approve' | 'reject'): void {
    const comment = this.form.getRawValue().comment.trim();
    this.submission.submit(() => this.api.decide(item.id, { version: item.version, decision, ...(comment ? { comment } : {}) }), {
      done: () => {
        this.notifier.info(decision === 'approve' ? 'assistance.closures.approved' : 'assistance.closures.rejected');
        this.deciding.set(null);
        this.load();
      },
      stale: () => this.load(),
    });
  }
}
