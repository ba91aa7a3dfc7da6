import { ChangeDetectionStrategy, Component, inject, OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { DEFENDANT_STAGE } from '@ruta/shared';
import { OptionLabelPipe } from '../cases/option-label.pipe';
import { FormError } from '../core/http/form-error';
import { ListTotalText } from '../core/layout/list-total';
import { PagedList, PROSECUTIONS_TOTAL } from './paged-list';
import { ProsecutionsApi } from './prosecutions.api';

/** On a prosecutor's or investigator's home: the latest proceedings of the institution and a link to the area. */
@Component({
  selector: 'ruta-home-prosecutions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ListTotalText, RouterLink, MatButtonModule, MatIconModule, TranslatePipe, OptionLabelPipe, FormError],
  template: `
    <section aria-labelledby="home-prosecutions-title" data-testid="home-prosecutions" [attr.data-loaded]="list.loaded()">
      <h2 id="home-prosecutions-title" class="section-title">{{ 'prosecutions.home.title' | translate }}</h2>
      <ruta-form-error [message]="list.error()" />
      <p><ruta-list-total [total]="list.total()" [nouns]="totalNouns" /></p>
      <ul class="stack">
        @for (p of list.items(); track p.id) {
          <li><a [routerLink]="['/judicializacion/procesos', p.id]">{{ p.nunc }}</a> @for (s of p.stages; track $index) { · {{ s | rutaOption: stages }} }</li>
        }
      </ul>
      <a mat-stroked-button routerLink="/judicializacion" data-testid="home-prosecutions-all"><mat-icon aria-hidden="true" svgIcon="arrow_forward" />{{ 'prosecutions.home.all' | translate }}</a>
    </section>
  `,
})
export class HomeProsecutions implements OnInit {
  private readonly api = inject(ProsecutionsApi);
  protected readonly stages = DEFENDANT_STAGE;
  protected readonly totalNouns = PROSECUTIONS_TOTAL;
  protected readonly list = new PagedList((cursor) => this.api.proceedings({ cursor, limit: 5 }));

  ngOnInit(): void {
    this.list.load();
  }
}
