import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { CONSENT_GRANTED_BY, CONSENT_METHOD, CONSENT_PURPOSE, ConsentInput, ConsentView, InstitutionView } from '@ruta/shared';
import { InstitutionsApi } from '../../admin/institutions/institutions.api';
import { CanDirective } from '../../core/auth/can.directive';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { Notifier } from '../../core/http/notifier';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { notInFuture, todayInColombia } from '../calendar-date';
import { CaseRecordsApi } from '../case-records.api';
import { compact } from '../compact';
import { OptionLabelPipe } from '../option-label.pipe';
import { OptionSelect } from '../option-select';

/** Consents per purpose (Law 1581): recorded and revoked, never edited. */
@Component({
  selector: 'ruta-consents-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatDatepickerModule, MatSelectModule, TranslatePipe, ErrorMessagePipe, CanDirective, FormError, OptionLabelPipe, OptionSelect],
  template: `
    <ul class="consents" data-testid="consents">
      @for (c of consents(); track c.id) {
        <li [class.muted]="!c.valid" data-testid="consent">
          <strong>{{ c.purpose | rutaOption: l.CONSENT_PURPOSE }}</strong>
          @if (c.institution) { → {{ c.institution.name }} }
          · {{ c.grantedBy | rutaOption: l.CONSENT_GRANTED_BY }} · {{ c.method | rutaOption: l.CONSENT_METHOD }} · {{ c.grantedAt | date: 'mediumDate' : 'UTC' : locale() }}
          @if (c.revokedAt) {
            <span class="tag">{{ 'consent.revokedOn' | translate: { date: (c.revokedAt | date: 'mediumDate' : undefined : locale()) } }}</span>
          } @else {
            <button mat-button type="button" (click)="revoke(c)" *rutaCan="'consent:manage'" [attr.data-testid]="'consent-revoke-' + c.id">{{ 'consent.revoke' | translate }}</button>
          }
        </li>
      } @empty {
        <li class="muted">{{ 'consent.none' | translate }}</li>
      }
    </ul>
    <form class="stack" [formGroup]="form" (ngSubmit)="add()" *rutaCan="'consent:manage'" data-testid="consent-form">
      <h3 class="section-title">{{ 'consent.add' | translate }}</h3>
      <div class="form-grid">
        <ruta-option-select [control]="form.controls.purpose" [list]="l.CONSENT_PURPOSE" label="consent.purpose" testId="consent-purpose" [required]="true" />
        @if (form.controls.purpose.value === 'sharing') {
          <mat-form-field>
            <mat-label>{{ 'consent.institution' | translate }}</mat-label>
            <mat-select formControlName="institutionId" required>
              @for (i of institutions(); track i.id) { <mat-option [value]="i.id">{{ i.name }}</mat-option> }
            </mat-select>
            <mat-error>{{ form.controls.institutionId.errors | rutaError }}</mat-error>
          </mat-form-field>
        }
        <ruta-option-select [control]="form.controls.grantedBy" [list]="l.CONSENT_GRANTED_BY" label="consent.grantedBy" testId="consent-granted-by" [required]="true" />
        <ruta-option-select [control]="form.controls.method" [list]="l.CONSENT_METHOD" label="consent.method" testId="consent-method" [required]="true" />
        <mat-form-field>
          <mat-label>{{ 'consent.grantedAt' | translate }}</mat-label>
          <input matInput [matDatepicker]="pickerGrantedAt" formControlName="grantedAt" required [max]="today" [placeholder]="'cases.dateFormat' | translate" />
<mat-datepicker-toggle matIconSuffix [for]="pickerGrantedAt" />
<mat-datepicker #pickerGrantedAt />
          <mat-error>{{ form.controls.grantedAt.errors | rutaError }}</mat-error>
        </mat-form-field>
      </div>
      <ruta-form-error [message]="error()" />
      <div class="actions"><button mat-stroked-button type="submit" [disabled]="busy()" data-testid="consent-add">{{ 'consent.record' | translate }}</button></div>
    </form>
  `,
})
export class ConsentsTab implements OnInit {
  private readonly api = inject(CaseRecordsApi);
  private readonly institutionsApi = inject(InstitutionsApi);
  private readonly notifier = inject(Notifier);
  private readonly language = inject(LanguageService);
  readonly code = input.required<string>();
  protected readonly l = { CONSENT_PURPOSE, CONSENT_GRANTED_BY, CONSENT_METHOD };
  protected readonly today = todayInColombia();
  protected readonly consents = signal<ConsentView[]>([]);
  protected readonly institutions = signal<InstitutionView[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    purpose: ['', Validators.required],
    institutionId: [''],
    grantedBy: ['self', Validators.required],
    method: ['written', Validators.required],
    grantedAt: [this.today, [Validators.required, notInFuture]],
  });
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly error = this.submission.error;
  protected readonly busy = this.submission.busy;

  ngOnInit(): void {
    this.api.consents(this.code()).subscribe({ next: (list) => this.consents.set(list), error: () => undefined });
    this.institutionsApi.list().subscribe({ next: (list) => this.institutions.set(list.filter((i) => i.active)), error: () => undefined });
  }

  protected locale(): string {
    return LOCALES[this.language.current()];
  }

  protected add(): void {
    this.submission.submit(() => this.api.addConsent(this.code(), this.consent()), {
      done: (list) => {
        this.consents.set(list);
        this.form.reset();
      },
    });
  }

  private consent(): ConsentInput {
    const v = this.form.getRawValue();
    return compact({ ...v, institutionId: v.purpose === 'sharing' ? v.institutionId : '' }) as ConsentInput;
  }

  protected revoke(consent: ConsentView): void {
    this.api.revokeConsent(this.code(), consent.id).subscribe({
      next: (list) => this.consents.set(list),
      error: (error: unknown) => this.notifier.problem(error),
    });
  }
}
