import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { isProtectedRole, Permission, RECORD_SCOPES, RecordScope, ROLE_CODE_PATTERN, ROLE_NAME_MAX_LENGTH, RoleView, UpdateRoleRequest } from '@ruta/shared';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { AccessChangeOutcome } from '../access-requests/access-change-outcome';
import { PermissionChecklist } from './permission-checklist';
import { RolesApi } from './roles.api';

/** The saved role, the request filed for a second administrator, or a stale-version notice. */
export type RoleFormResult = AccessChangeOutcome<RoleView> | 'stale';

function sameSet(a: readonly Permission[], b: readonly Permission[]): boolean {
  return a.length === b.length && a.every((p) => b.includes(p));
}

@Component({
  selector: 'ruta-role-form-dialog',
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
    FormError,
    PermissionChecklist,
  ],
  template: `
    <h2 mat-dialog-title>{{ (role ? 'roles.editTitle' : 'roles.new') | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="stack">
        <mat-form-field>
          <mat-label>{{ 'roles.code' | translate }}</mat-label>
          <input matInput formControlName="code" autocomplete="off" spellcheck="false" data-testid="role-code" />
          <mat-error>{{ form.controls.code.errors | rutaError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'roles.nameEs' | translate }}</mat-label>
          <input matInput formControlName="nameEs" lang="es" data-testid="role-name-es" />
          <mat-error>{{ form.controls.nameEs.errors | rutaError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'roles.nameEn' | translate }}</mat-label>
          <input matInput formControlName="nameEn" lang="en" data-testid="role-name-en" />
          <mat-error>{{ form.controls.nameEn.errors | rutaError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'roles.scope' | translate }}</mat-label>
          <mat-select formControlName="scope" data-testid="role-scope">
            @for (scope of scopes; track scope) {
              <mat-option [value]="scope">{{ 'recordScopes.' + scope | translate }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.scope.errors | rutaError }}</mat-error>
        </mat-form-field>
        <mat-checkbox formControlName="requiresMfa" data-testid="role-requires-mfa">{{ 'roles.requiresMfa' | translate }}</mat-checkbox>
        @if (protectedRole()) {
          <p class="muted" data-testid="role-protected-hint">{{ 'roles.protectedHint' | translate }}</p>
        }
        <h3>{{ 'roles.permissions' | translate }}</h3>
        <ruta-permission-checklist [(value)]="permissions" />
        <ruta-form-error [message]="error()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="role-save">
          {{ (role ? 'common.save' : 'common.create') | translate }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class RoleFormDialog {
  protected readonly role = inject<RoleView | null>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<RoleFormDialog, RoleFormResult>>(MatDialogRef);
  private readonly api = inject(RolesApi);

  protected readonly scopes = RECORD_SCOPES;
  protected readonly form = inject(NonNullableFormBuilder).group({
    code: [
      { value: this.role?.code ?? '', disabled: !!this.role },
      [Validators.required, Validators.pattern(ROLE_CODE_PATTERN)],
    ],
    nameEs: [this.role?.nameEs ?? '', [Validators.required, Validators.maxLength(ROLE_NAME_MAX_LENGTH)]],
    nameEn: [this.role?.nameEn ?? '', [Validators.required, Validators.maxLength(ROLE_NAME_MAX_LENGTH)]],
    scope: [(this.role?.scope ?? 'none') as RecordScope, Validators.required],
    requiresMfa: [this.role?.requiresMfa ?? false],
  });
  protected readonly permissions = signal<readonly Permission[]>(this.role?.permissions ?? []);
  private readonly scope = toSignal(this.form.controls.scope.valueChanges, { initialValue: this.form.controls.scope.value });
  /** Reaches victim data or approval powers: two-factor is required and a second administrator approves (four eyes). */
  protected readonly protectedRole = computed(() => isProtectedRole({ scope: this.scope(), permissions: this.permissions() }));
  /** Scope or permissions differ from the role as opened (always so for a new role). */
  private readonly accessChanged = computed(() => !this.role || this.scope() !== this.role.scope || !sameSet(this.permissions(), this.role.permissions));
  private readonly submission = new FormSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  constructor() {
    // A protected role whose access is set here must require two-factor (the server refuses otherwise).
    effect(() => {
      const mfa = this.form.controls.requiresMfa;
      if (this.protectedRole() && this.accessChanged()) {
        mfa.setValue(true);
        mfa.disable();
      } else if (mfa.disabled) {
        mfa.enable();
        mfa.setValue(this.role?.requiresMfa ?? false);
      }
    });
  }

  protected save(): void {
    const { code, ...fields } = this.form.getRawValue();
    const body = { ...fields, permissions: [...this.permissions()] };
    const role = this.role;
    this.submission.submit(() => (role ? this.api.update(role.id, changes(role, body)) : this.api.create({ code, ...body })), {
      done: (saved) => this.ref.close(saved),
      stale: () => this.ref.close('stale'),
    });
  }

}

/** Only what changed, so that a rename stays a rename (a protected role's access change waits for approval). */
function changes(role: RoleView, body: Required<Omit<UpdateRoleRequest, 'version'>>): UpdateRoleRequest {
  const changed: UpdateRoleRequest = { version: role.version };
  if (body.nameEs !== role.nameEs) changed.nameEs = body.nameEs;
  if (body.nameEn !== role.nameEn) changed.nameEn = body.nameEn;
  if (body.scope !== role.scope) changed.scope = body.scope;
  if (body.requiresMfa !== role.requiresMfa) changed.requiresMfa = body.requiresMfa;
  if (!sameSet(body.permissions, role.permissions)) changed.permissions = body.permissions;
  return changed;
}
