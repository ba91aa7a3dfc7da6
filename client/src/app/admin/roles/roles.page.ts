import { ChangeDetectionStrategy, Component, inject, OnInit, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { RoleView } from '@ruta/shared';
import { Notifier } from '../../core/http/notifier';
import { RoleNamePipe } from '../../core/i18n/role-name.pipe';
import { PendingRequestsNotice } from '../access-requests/pending-requests-notice';
import { RoleFormDialog, RoleFormResult } from './role-form.dialog';
import { RolesApi } from './roles.api';

@Component({
  selector: 'ruta-roles-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatButtonModule, MatIconModule, TranslatePipe, RoleNamePipe, PendingRequestsNotice],
  template: `
    <section class="page">
      <div class="page-header">
        <h1>{{ 'roles.title' | translate }}</h1>
        <button mat-flat-button type="button" (click)="openForm(null)" data-testid="new-role">
          <mat-icon svgIcon="add" />{{ 'roles.new' | translate }}
        </button>
      </div>
      <ruta-pending-requests-notice />
      <div class="table-wrap">
        <table mat-table [dataSource]="roles()" data-testid="roles-table" [attr.aria-label]="'roles.title' | translate">
          <ng-container matColumnDef="code">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'roles.code' | translate }}</th>
            <td mat-cell *matCellDef="let row">{{ row.code }}</td>
          </ng-container>
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'roles.name' | translate }}</th>
            <td mat-cell *matCellDef="let row">{{ row | roleName }}</td>
          </ng-container>
          <ng-container matColumnDef="scope">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'roles.scope' | translate }}</th>
            <td mat-cell *matCellDef="let row">{{ 'recordScopes.' + row.scope | translate }}</td>
          </ng-container>
          <ng-container matColumnDef="requiresMfa">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'roles.requiresMfa' | translate }}</th>
            <td mat-cell *matCellDef="let row">{{ (row.requiresMfa ? 'common.yes' : 'common.no') | translate }}</td>
          </ng-container>
          <ng-container matColumnDef="permissions">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'roles.permissions' | translate }}</th>
            <td mat-cell *matCellDef="let row">{{ 'roles.permissionCount' | translate: { count: row.permissions.length } }}</td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'common.actions' | translate }}</th>
            <td mat-cell *matCellDef="let row">
              <button mat-icon-button type="button" (click)="openForm(row)"
                [attr.aria-label]="'roles.edit' | translate: { name: (row | roleName) }"
                [attr.data-testid]="'role-edit-' + row.code">
                <mat-icon svgIcon="edit" />
              </button>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
    </section>
  `,
})
export class RolesPage implements OnInit {
  private readonly api = inject(RolesApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  protected readonly columns = ['code', 'name', 'scope', 'requiresMfa', 'permissions', 'actions'];
  protected readonly roles = signal<RoleView[]>([]);
  private readonly pendingNotice = viewChild(PendingRequestsNotice);

  ngOnInit(): void {
    this.reload();
  }

  protected openForm(role: RoleView | null): void {
    this.dialog
      .open<RoleFormDialog, RoleView | null, RoleFormResult>(RoleFormDialog, { data: role, width: '880px', maxWidth: '96vw' })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.notifier.info(result === 'stale' ? 'errors.stale_version' : result.kind === 'pending' ? 'accessRequests.filed' : 'roles.saved');
        if (result !== 'stale' && result.kind === 'pending') this.pendingNotice()?.reload();
        this.reload();
      });
  }

  private reload(): void {
    this.api.list().subscribe((list) => this.roles.set(list));
  }
}
