import { ChangeDetectionStrategy, Component, Signal, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { AccessChangeRequestView, InstitutionView, RoleView, TemporaryPasswordResponse, UpdateUserRequest, UserView } from '@ruta/shared';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { RoleNamePipe } from '../../core/i18n/role-name.pipe';
import { UsersApi } from './users.api';

export interface UserFormData {
  user: UserView | null;
  /** Signals: a dialog opened before the lists have arrived fills its options when they do. */
  institutions: Signal<InstitutionView[]>;
  roles: Signal<RoleView[]>;
}

/**
 * What the dialog closes with: the created user and its password, the edited user, the request filed for a second
 * administrator (a protected role: four eyes), or a stale-version notice.
 */
export type UserFormResult =
  | { kind: 'created'; response: TemporaryPasswordResponse }
  | { kind: 'updated'; user: UserView }
  | { kind: 'pending'; request: AccessChangeRequestView }
  | { kind: 'stale' };

@Component({
  selector: 'ruta-user-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatCheckboxModule,
    MatButtonModule,
    TranslatePipe,
    ErrorMessagePipe,
    RoleNamePipe,
    FormError,
  ],
  template: `
    <h2 mat-dialog-title>{{ (data.user ? 'users.editTitle' : 'users.new') | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="stack">
        <mat-form-field>
          <mat-label>{{ 'users.name' | translate }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" data-testid="user-name" />
          <mat-error>{{ form.controls.name.errors | rutaError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'users.email' | translate }}</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="off" data-testid="user-email" />
          <mat-error>{{ form.controls.email.errors | rutaError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'users.institution' | translate }}</mat-label>
          <mat-select formControlName="institutionId" data-testid="user-institution">
            @for (institution of data.institutions(); track institution.id) {
              <mat-option [value]="institution.id" [attr.data-testid]="'user-institution-' + institution.code">
                {{ institution.name }}
              </mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.institutionId.errors | rutaError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'users.role' | translate }}</mat-label>
          <mat-select formControlName="roleId" data-testid="user-role">
            @for (role of data.roles(); track role.id) {
              <mat-option [value]="role.id" [attr.data-testid]="'user-role-' + role.code">{{ role | roleName }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.roleId.errors | rutaError }}</mat-error>
        </mat-form-field>
        @if (data.user) {
          <mat-checkbox formControlName="active" data-testid="user-active">{{ 'users.active' | translate }}</mat-checkbox>
        }
        <ruta-form-error [message]="error()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="user-save">
          {{ (data.user ? 'common.save' : 'common.create') | translate }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class UserFormDialog {
  protected readonly data = inject<UserFormData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<UserFormDialog, UserFormResult>>(MatDialogRef);
  private readonly api = inject(UsersApi);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.data.user?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    email: [{ value: this.data.user?.email ?? '', disabled: !!this.data.user }, [Validators.required, Validators.email]],
    institutionId: [this.data.user?.institution.id ?? '', Validators.required],
    roleId: [this.data.user?.role.id ?? '', Validators.required],
    active: [this.data.user?.active ?? true],
  });
  private readonly submission = new FormSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  protected save(): void {
    const { name, email, institutionId, roleId, active } = this.form.getRawValue();
    const user = this.data.user;
    const stale = () => this.ref.close({ kind: 'stale' });
    if (!user) {
      this.submission.submit(() => this.api.create({ name, email, institutionId, roleId }), {
        done: (outcome) => this.ref.close(outcome.kind === 'pending' ? outcome : { kind: 'created', response: outcome.value }),
      });
      return;
    }
    const changes: UpdateUserRequest = { version: user.version };
    if (name !== user.name) changes.name = name;
    if (institutionId !== user.institution.id) changes.institutionId = institutionId;
    if (roleId !== user.role.id) changes.roleId = roleId;
    if (active !== user.active) changes.active = active;
    this.submission.submit(() => this.api.update(user.id, changes), {
      done: (outcome) => this.ref.close(outcome.kind === 'pending' ? outcome : { kind: 'updated', user: outcome.value }),
      stale,
    });
  }

}
