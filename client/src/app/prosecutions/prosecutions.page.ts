import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthStore } from '../core/auth/auth.store';
import { CanDirective } from '../core/auth/can.directive';
import { OperationsList } from './operations/operations-list';
import { ProceedingsList } from './proceedings/proceedings-list';
import { TraffickersList } from './traffickers/traffickers-list';

/** `/judicializacion`: the proceedings, operations and alleged traffickers the user may see, and the indicators. */
@Component({
  selector: 'ruta-prosecutions-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTabsModule, MatButtonModule, MatIconModule, RouterLink, TranslatePipe, CanDirective, ProceedingsList, OperationsList, TraffickersList],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 tabindex="-1">{{ 'prosecutions.title' | translate }}</h1>
        <div class="actions">
          <a mat-flat-button routerLink="/judicializacion/procesos/nuevo" *rutaCan="'proceedings:manage'" data-testid="prosecutions-new-proceeding">
            <mat-icon aria-hidden="true" svgIcon="add" />{{ 'prosecutions.newProceeding' | translate }}
          </a>
          <a mat-stroked-button routerLink="/judicializacion/operativos/nuevo" *rutaCan="'operations:manage'" data-testid="prosecutions-new-operation">
            <mat-icon aria-hidden="true" svgIcon="add" />{{ 'prosecutions.newOperation' | translate }}
          </a>
          <a mat-stroked-button routerLink="/judicializacion/perfiles/nuevo" *rutaCan="'operations:manage'" data-testid="prosecutions-new-trafficker">
            <mat-icon aria-hidden="true" svgIcon="person_add" />{{ 'prosecutions.newTrafficker' | translate }}
          </a>
          <a mat-stroked-button routerLink="/judicializacion/indicadores" *rutaCan="'proceedings:read'" data-testid="prosecutions-indicators">
            <mat-icon aria-hidden="true" svgIcon="bar_chart" />{{ 'prosecutions.indicators.title' | translate }}
          </a>
        </div>
      </div>
      <mat-tab-group>
        @if (auth.can('proceedings:read')) {
          <mat-tab [label]="'prosecutions.proceedings' | translate"><ruta-proceedings-list /></mat-tab>
        }
        @if (auth.can('operations:read')) {
          <mat-tab [label]="'prosecutions.operations' | translate"><ruta-operations-list /></mat-tab>
        }
        @if (auth.can('proceedings:read') && !pseudonymised()) {
          <mat-tab [label]="'prosecutions.traffickers' | translate"><ruta-traffickers-list /></mat-tab>
        }
      </mat-tab-group>
    </section>
  `,
  styles: `
    .actions { display: flex; flex-wrap: wrap; gap: 8px; }
  `,
})
export class ProsecutionsPage {
  protected readonly auth = inject(AuthStore);
  /** Coordinators see pseudonymised lists: never the alleged traffickers. */
  protected pseudonymised(): boolean {
    return this.auth.me()?.role.scope === 'all_pseudonymised';
  }
}
