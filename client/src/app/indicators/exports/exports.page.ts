import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { CaseExportPanel } from './case-export-panel';

/** `/indicadores/exportaciones`: the case list as a file, and the user's recent exports. */
@Component({
  selector: 'ruta-exports-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslatePipe, CaseExportPanel],
  template: `
    <section class="page">
      <div class="page-header">
        <h1>{{ 'indicators.exports.title' | translate }}</h1>
        <a mat-stroked-button routerLink="/indicadores"><mat-icon aria-hidden="true" svgIcon="arrow_back" />{{ 'indicators.behind.back' | translate }}</a>
      </div>
      <p class="muted">{{ 'indicators.exports.hint' | translate }}</p>
      <ruta-case-export-panel />
    </section>
  `,
})
export class ExportsPage {}
