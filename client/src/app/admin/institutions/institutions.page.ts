import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { InstitutionView } from '@ruta/shared';
import { Notifier } from '../../core/http/notifier';
import { problemCode } from '../../core/http/problem';
import { InstitutionFormDialog, InstitutionFormResult } from './institution-form.dialog';
import { InstitutionsApi } from './institutions.api';

@Component({
  selector: 'ruta-institutions-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    <section class="page">
      <div class="page-header">
        <h1>{{ 'institutions.title' | translate }}</h1>
        <button mat-flat-button type="button" (click)="openForm(null)" data-testid="new-institution">
          <mat-icon svgIcon="add" />{{ 'institutions.new' | translate }}
        </button>
      </div>
      <div class="table-wrap">
        <table mat-table [dataSource]="institutions()" data-testid="institutions-table" [attr.aria-label]="'institutions.title' | translate">
          <ng-container matColumnDef="code">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'institutions.code' | translate }}</th>
            <td mat-cell *matCellDef="let row">{{ row.code }}</td>
          </ng-container>
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'institutions.name' | translate }}</th>
            <td mat-cell *matCellDef="let row">{{ row.name }}</td>
          </ng-container>
          <ng-container matColumnDef="type">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'institutions.type' | translate }}</th>
            <td mat-cell *matCellDef="let row">{{ 'institutionTypes.' + row.type | translate }}</td>
          </ng-container>
          <ng-container matColumnDef="active">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'institutions.active' | translate }}</th>
            <td mat-cell *matCellDef="let row">{{ (row.active ? 'common.yes' : 'common.no') | translate }}</td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'common.actions' | translate }}</th>
            <td mat-cell *matCellDef="let row">
              <button mat-icon-button type="button" (click)="openForm(row)"
                [attr.aria-label]="'institutions.edit' | translate: { name: row.name }"
                [attr.data-testid]="'institution-edit-' + row.code">
                <mat-icon svgIcon="edit" />
              </button>
              <button mat-icon-button type="button" (click)="toggleActive(row)"
                [attr.aria-label]="(row.active ? 'institutions.deactivate' : 'institutions.activate') | translate: { name: row.name }"
                [attr.data-testid]="'institution-toggle-' + row.code">
                <mat-icon [svgIcon]="row.active ? 'toggle_on' : 'toggle_off'" />
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
export class InstitutionsPage implements OnInit {
  private readonly api = inject(InstitutionsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  protected readonly columns = ['code', 'name', 'type', 'active', 'actions'];
  protected readonly institutions = signal<InstitutionView[]>([]);

  ngOnInit(): void {
    this.reload();
  }

  protected openForm(institution: InstitutionView | null): void {
    this.dialog
      .open<InstitutionFormDialog, InstitutionView | null, InstitutionFormResult>(InstitutionFormDialog, {
        data: institution,
        width: '520px',
      })
      .afterClosed()
      .subscribe((result) => this.afterSave(result));
  }

  protected toggleActive(institution: InstitutionView): void {
    this.api.update(institution.id, { version: institution.version, active: !institution.active }).subscribe({
      next: (saved) => this.afterSave(saved),
      error: (error: unknown) => {
        if (problemCode(error) === 'stale_version') this.afterSave('stale');
        else this.notifier.problem(error);
      },
    });
  }

  private afterSave(result: InstitutionFormResult | undefined): void {
    if (!result) return;
    if (result === 'stale') {
      this.notifier.info('errors.stale_version');
      this.reload();
      return;
    }
    this.notifier.info('institutions.saved');
    this.reload();
  }

  private reload(): void {
    this.api.list().subscribe((list) => this.institutions.set(list));
  }
}
