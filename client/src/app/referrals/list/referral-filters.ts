import { ChangeDetectionStrategy, Component, inject, input, OnInit, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { REFERRAL_PURPOSE, REFERRAL_STATUS, REFERRAL_URGENCY, ReferralBox, ReferralPurpose, ReferralStatus, ReferralUrgency } from '@ruta/shared';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { InstitutionsApi } from '../../admin/institutions/institutions.api';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { AuthStore } from '../../core/auth/auth.store';
import { NamedOption, RefSelect } from '../ref-select';

/** What the inbox or outbox is filtered by; empty means any. */
export interface ReferralFilterValue {
  status?: ReferralStatus;
  urgency?: ReferralUrgency;
  purpose?: ReferralPurpose;
  overdue?: boolean;
  /** Coordinators: only those sent without consent, on a legal ground. */
  override?: boolean;
  institutionId?: string;
}

/**
 * The filters above the inbox and outbox: status, urgency, purpose, only overdue, and the other institution (the sender
 * of what was received, the receiver of what was sent), picked by typing its name. Each change applies at once.
 */
@Component({
  selector: 'ruta-referral-filters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatSelectModule, MatCheckboxModule, MatButtonModule, TranslatePipe, OptionLabelPipe, RefSelect],
  template: `
    <form class="filters" [formGroup]="form" role="search" [attr.aria-label]="'referrals.filters.label' | translate" (ngSubmit)="$event.preventDefault()">
      <mat-form-field>
        <mat-label>{{ 'referrals.statusLabel' | translate }}</mat-label>
        <mat-select formControlName="status" data-testid="referrals-filter-status">
          <mat-option value="">{{ 'referrals.filters.any' | translate }}</mat-option>
          @for (s of statuses.values; track s) {
            @if (s !== 'draft' || box() === 'outbox') {
              <mat-option [value]="s" [attr.data-testid]="'referrals-filter-status-' + s">{{ s | rutaOption: statuses }}</mat-option>
            }
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'referrals.refer.urgency' | translate }}</mat-label>
        <mat-select formControlName="urgency" data-testid="referrals-filter-urgency">
          <mat-option value="">{{ 'referrals.filters.any' | translate }}</mat-option>
          @for (u of urgencies.values; track u) {
            <mat-option [value]="u" [attr.data-testid]="'referrals-filter-urgency-' + u">{{ u | rutaOption: urgencies }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'referrals.purpose' | translate }}</mat-label>
        <mat-select formControlName="purpose" data-testid="referrals-filter-purpose">
          <mat-option value="">{{ 'referrals.filters.any' | translate }}</mat-option>
          @for (p of purposes.values; track p) {
            <mat-option [value]="p" [attr.data-testid]="'referrals-filter-purpose-' + p">{{ p | rutaOption: purposes }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <ruta-ref-select
        [control]="form.controls.institutionId"
        [options]="institutions()"
        [required]="false"
        [label]="box() === 'inbox' ? 'referrals.filters.from' : box() === 'outbox' ? 'referrals.filters.to' : 'referrals.filters.either'"
        hint="referrals.refer.toHint"
        testId="referrals-filter-institution"
      />
      <mat-checkbox formControlName="overdue" data-testid="referrals-filter-overdue">{{ 'referrals.filters.overdueOnly' | translate }}</mat-checkbox>
      @if (box() === 'all') {
        <mat-checkbox formControlName="override" data-testid="referrals-filter-override">{{ 'referrals.filters.overrideOnly' | translate }}</mat-checkbox>
      }
      <button mat-button type="button" (click)="clear()" data-testid="referrals-filter-clear">{{ 'common.clear' | translate }}</button>
    </form>
  `,
})
export class ReferralFilters implements OnInit {
  private readonly institutionsApi = inject(InstitutionsApi);
  private readonly auth = inject(AuthStore);
  readonly box = input.required<ReferralBox>();
  readonly changed = output<ReferralFilterValue>();
  protected readonly statuses = REFERRAL_STATUS;
  protected readonly urgencies = REFERRAL_URGENCY;
  protected readonly purposes = REFERRAL_PURPOSE;
  protected readonly institutions = signal<NamedOption[]>([]);

  protected readonly form = inject(NonNullableFormBuilder).group({
    status: ['' as ReferralStatus | ''],
    urgency: ['' as ReferralUrgency | ''],
    purpose: ['' as ReferralPurpose | ''],
    institutionId: [''],
    overdue: [false],
    override: [false],
  });

  ngOnInit(): void {
    const own = this.auth.me()?.institution.id;
    this.institutionsApi.list().subscribe({ next: (list) => this.institutions.set(list.filter((i) => i.id !== own).map((i) => ({ id: i.id, name: i.name }))), error: () => undefined });
    this.form.valueChanges
      .pipe(
        debounceTime(150),
        map(() => this.value()),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      )
      .subscribe((value) => this.changed.emit(value));
  }

  protected clear(): void {
    this.form.reset();
  }

  private value(): ReferralFilterValue {
    const v = this.form.getRawValue();
    const value: ReferralFilterValue = {};
    if (v.status) value.status = v.status;
    if (v.urgency) value.urgency = v.urgency;
    if (v.purpose) value.purpose = v.purpose;
    if (v.institutionId) value.institutionId = v.institutionId;
    if (v.overdue) value.overdue = true;
    if (v.override && this.box() === 'all') value.override = true;
    return value;
  }
}
