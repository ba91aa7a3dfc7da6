import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { InstitutionView, RoleView, UserView } from '@ruta/shared';
import { filter, switchMap } from 'rxjs';
import { CursorList } from '../../core/http/cursor-list';
import { Notifier } from '../../core/http/notifier';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { RoleNamePipe } from '../../core/i18n/role-name.pipe';
import { ConfirmData, ConfirmDialog } from '../../core/layout/confirm.dialog';
import { PendingRequestsNotice } from '../access-requests/pending-requests-notice';
import { InstitutionsApi } from '../institutions/institutions.api';
import { RolesApi } from '../roles/roles.api';
import { TemporaryPasswordDialog } from './temporary-password.dialog';
import { UserFormData, UserFormDialog, UserFormResult } from './user-form.dialog';
import { UsersApi } from './users.api';

@Component({
  selector: 'ruta-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    DatePipe,
    MatTableModule,
    MatButtonModule,
    MatIconModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    RoleNamePipe,
    PendingRequestsNotice,
  ],
  templateUrl: './users.page.html',
})
export class UsersPage implements OnInit {
  private readonly api = inject(UsersApi);
  private readonly institutionsApi = inject(InstitutionsApi);
  private readonly rolesApi = inject(RolesApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService);
  protected readonly locales = LOCALES;
  private readonly pendingNotice = viewChild(PendingRequestsNotice);

  protected readonly columns = ['name', 'email', 'institution', 'role', 'active', 'mfa', 'lastLogin', 'actions'];
  protected readonly filters = inject(NonNullableFormBuilder).group({ q: [''], institutionId: [''] });
  protected readonly institutions = signal<InstitutionView[]>([]);
  protected readonly roles = signal<RoleView[]>([]);
  protected readonly users = new CursorList<UserView>((cursor) =>
    this.api.list({ ...this.filters.getRawValue(), cursor, limit: 50 }),
  );

  ngOnInit(): void {
    this.users.reload();
    this.institutionsApi.list().subscribe((list) => this.institutions.set(list));
    this.rolesApi.list().subscribe((list) => this.roles.set(list));
  }

  protected search(): void {
    this.users.reload();
  }

  protected clear(): void {
    this.filters.reset();
    this.users.reload();
  }

  protected openForm(user: UserView | null): void {
    const data: UserFormData = { user, institutions: this.institutions.asReadonly(), roles: this.roles.asReadonly() };
    this.dialog
      .open<UserFormDialog, UserFormData, UserFormResult>(UserFormDialog, { data, width: '560px' })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        if (result.kind === 'created') {
          this.users.reload();
          this.showPassword(result.response);
        } else if (result.kind === 'updated') {
          this.users.replace((u) => u.id === result.user.id, result.user);
          this.notifier.info('users.saved');
        } else if (result.kind === 'pending') {
          this.notifier.info('accessRequests.filed');
          this.pendingNotice()?.reload();
        } else {
          this.notifier.info('errors.stale_version');
          this.users.reload();
        }
      });
  }

  protected resetPassword(user: UserView): void {
    const data: ConfirmData = { message: 'users.resetConfirm', params: { name: user.name }, confirmLabel: 'common.continue' };
    this.dialog
      .open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, { data })
      .afterClosed()
      .pipe(
        filter(Boolean),
        switchMap(() => this.api.resetPassword(user.id)),
      )
      .subscribe({
        next: (outcome) => {
          if (outcome.kind === 'pending') {
            this.notifier.info('accessRequests.filed');
            this.pendingNotice()?.reload();
            return;
          }
          this.users.replace((u) => u.id === outcome.value.user.id, outcome.value.user);
          this.showPassword(outcome.value);
        },
        error: (error: unknown) => this.notifier.problem(error),
      });
  }

  private showPassword(data: { user: UserView; temporaryPassword: string }): void {
    this.dialog.open(TemporaryPasswordDialog, { data, width: '480px' });
  }
}
