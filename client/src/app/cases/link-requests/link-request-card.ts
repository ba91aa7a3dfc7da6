import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { IncomingLinkRequestView, LINK_DECLINE_REASON, LINK_REQUEST_STATUS, LinkDeclineReason } from '@ruta/shared';
import { FormError } from '../../core/http/form-error';
import { ErrorMessage, problemMessage } from '../../core/http/problem';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { CaseLinksApi } from '../case-links.api';
import { OptionLabelPipe } from '../option-label.pipe';
import { OptionSelect } from '../option-select';

/** One incoming request: who asks, what matched, the institution's own matching cases; accept one, or decline. */
@Component({
  selector: 'ruta-link-request-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ReactiveFormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatSelectModule, RouterLink, TranslatePipe, FormError, OptionLabelPipe, OptionSelect],
  template: `
    @let r = request();
    <mat-card appearance="outlined" data-testid="link-request" [attr.data-status]="r.status" [attr.data-requesting-code]="r.requestingCaseCode">
      <mat-card-header>
        <mat-card-title>{{ 'links.from' | translate: { institution: r.requestingInstitution.name } }}</mat-card-title>
        <mat-card-subtitle>
          <code>{{ r.requestingCaseCode }}</code> · {{ 'duplicates.matchedOn.' + r.matchedOn | translate }} · {{ r.requestedAt | date: 'medium' : undefined : locale() }}
        </mat-card-subtitle>
      </mat-card-header>
      <mat-card-content>
        <p>{{ 'links.status' | translate }}: <strong data-testid="link-request-status">{{ r.status | rutaOption: statuses }}</strong>
          @if (r.declineReason) { <span class="muted">({{ r.declineReason | rutaOption: reasons }})</span> }
          @if (r.linkedCaseCode) { → <a [routerLink]="['/casos', r.linkedCaseCode]"><code>{{ r.linkedCaseCode }}</code></a> }
        </p>
        @if (r.status === 'pending') {
          @if (r.matches.length) {
            <div class="form-grid">
              <mat-form-field>
                <mat-label>{{ 'links.ownCase' | translate }}</mat-label>
                <mat-select [formControl]="caseCode" data-testid="link-request-case">
                  @for (code of r.matches; track code) {
                    <mat-option [value]="code">{{ code }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
              <button mat-flat-button type="button" [disabled]="busy() || caseCode.invalid" (click)="accept()" data-testid="link-request-accept">
                <mat-icon svgIcon="link" />{{ 'links.accept' | translate }}
              </button>
            </div>
          } @else {
            <p class="muted">{{ 'links.noMatches' | translate }}</p>
          }
          <div class="form-grid">
            <ruta-option-select [control]="reason" [list]="reasons" label="links.declineReason" testId="link-request-reason" [required]="true" />
            <button mat-stroked-button type="button" [disabled]="busy() || reason.invalid" (click)="decline()" data-testid="link-request-decline">
              <mat-icon svgIcon="link_off" />{{ 'links.decline' | translate }}
            </button>
          </div>
        }
        <ruta-form-error [message]="error()" />
      </mat-card-content>
    </mat-card>
  `,
})
export class LinkRequestCard {
  private readonly api = inject(CaseLinksApi);
  private readonly language = inject(LanguageService);
  readonly request = input.required<IncomingLinkRequestView>();
  /** The request after a decision, or a conflict that calls for reloading the list. */
  readonly changed = output<IncomingLinkRequestView | null>();
  protected readonly statuses = LINK_REQUEST_STATUS;
  protected readonly reasons = LINK_DECLINE_REASON;
  protected readonly caseCode = new FormControl('', { nonNullable: true, validators: Validators.required });
  protected readonly reason = new FormControl('', { nonNullable: true, validators: Validators.required });
  protected readonly busy = signal(false);
  protected readonly error = signal<ErrorMessage | null>(null);

  constructor() {
    effect(() => {
      const matches = this.request().matches;
      if (!this.caseCode.value && matches.length === 1) this.caseCode.setValue(matches[0]);
    });
  }

  protected locale(): string {
    return LOCALES[this.language.current()];
  }

  protected accept(): void {
    const r = this.request();
    this.decide(this.api.accept(r.id, { version: r.version, caseCode: this.caseCode.value }));
  }

  protected decline(): void {
    const r = this.request();
    this.decide(this.api.decline(r.id, { version: r.version, reason: this.reason.value as LinkDeclineReason }));
  }

  private decide(call: ReturnType<CaseLinksApi['accept']>): void {
    this.busy.set(true);
    this.error.set(null);
    call.subscribe({
      next: (view) => {
        this.busy.set(false);
        this.changed.emit(view);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(problemMessage(error));
        if (error && typeof error === 'object' && 'status' in error && error.status === 409) this.changed.emit(null);
      },
    });
  }
}
