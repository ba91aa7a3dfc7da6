import { ChangeDetectionStrategy, Component, inject, OnInit, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, AuditAction, AuditEntityType, AuditQuery, UserView } from '@ruta/shared';
import { AuditApi } from './audit.api';

/** Dates from `<input type="date">` (local days) to the API's instants: `from` at 00:00, `to` at 23:59:59.999. */
export function toAuditQuery(value: {
  userId: string;
  entityType: AuditEntityType | '';
  entityId: string;
  action: AuditAction | '';
  from: string;
  to: string;
}): AuditQuery {
  const query: AuditQuery = {};
  if (value.userId) query.userId = value.userId;
  if (value.entityType) query.entityType = value.entityType;
  if (value.entityId.trim()) query.entityId = value.entityId.trim();
  if (value.action) query.action = value.action;
  if (value.from) query.from = new Date(`${value.from}T00:00:00`).toISOString();
  if (value.to) query.to = new Date(`${value.to}T23:59:59.999`).toISOString();
  return query;
}

@Component({
  selector: 'ruta-audit-filters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatDatepickerModule, MatSelectModule, MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    <form class="filters" [formGroup]="form" (ngSubmit)="apply()" [attr.aria-label]="'audit.filters' | translate">
      <mat-form-field>
        <mat-label>{{ 'audit.user' | translate }}</mat-label>
        <mat-select formControlName="userId" data-testid="audit-user">
          <mat-option value="">{{ 'common.all' | translate }}</mat-option>
          @for (user of users(); track user.id) {
            <mat-option [value]="user.id">{{ user.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'audit.entityType' | translate }}</mat-label>
        <mat-select formControlName="entityType" data-testid="audit-entity-type">
          <mat-option value="">{{ 'common.all' | translate }}</mat-option>
          @for (type of entityTypes; track type) {
            <mat-option [value]="type" [attr.data-testid]="'audit-entity-type-' + type">{{ 'auditEntityTypes.' + type | translate }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'audit.entityId' | translate }}</mat-label>
        <input matInput formControlName="entityId" data-testid="audit-entity-id" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'audit.action' | translate }}</mat-label>
        <mat-select formControlName="action" data-testid="audit-action">
          <mat-option value="">{{ 'common.all' | translate }}</mat-option>
          @for (action of actions; track action) {
            <mat-option [value]="action">{{ 'auditActions.' + action | translate }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'audit.from' | translate }}</mat-label>
        <input matInput [matDatepicker]="pickerFrom" formControlName="from" data-testid="audit-from" [placeholder]="'audit.dateFormat' | translate" />
<mat-datepicker-toggle matIconSuffix [for]="pickerFrom" />
<mat-datepicker #pickerFrom />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'audit.to' | translate }}</mat-label>
        <input matInput [matDatepicker]="pickerTo" formControlName="to" data-testid="audit-to" [placeholder]="'audit.dateFormat' | translate" />
<mat-datepicker-toggle matIconSuffix [for]="pickerTo" />
<mat-datepicker #pickerTo />
      </mat-form-field>
      <button mat-stroked-button type="submit" data-testid="audit-apply">
        <mat-icon svgIcon="filter_list" />{{ 'audit.apply' | translate }}
      </button>
      <button mat-button type="button" (click)="clear()">{{ 'common.clear' | translate }}</button>
    </form>
  `,
})
export class AuditFilters implements OnInit {
  private readonly api = inject(AuditApi);
  readonly changed = output<AuditQuery>();

  protected readonly actions = AUDIT_ACTIONS;
  protected readonly entityTypes = AUDIT_ENTITY_TYPES;
  protected readonly users = signal<UserView[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    userId: [''],
    entityType: ['' as AuditEntityType | ''],
    entityId: [''],
    action: ['' as AuditAction | ''],
    from: [''],
    to: [''],
  });

  ngOnInit(): void {
    // Without users:read the list stays empty; the other filters still work.
    this.api.users().subscribe({ next: (page) => this.users.set(page.items), error: () => undefined });
  }

  protected apply(): void {
    this.changed.emit(toAuditQuery(this.form.getRawValue()));
  }

  protected clear(): void {
    this.form.reset();
    this.apply();
  }
}
