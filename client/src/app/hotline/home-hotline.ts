import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { HotlineContactListItem, HOTLINE_CALL_TYPE, HOTLINE_STATUS } from '@ruta/shared';
import { OptionLabelPipe } from '../cases/option-label.pipe';
import { CanDirective } from '../core/auth/can.directive';
import { HotlineApi } from './hotline.api';

/** The hotline on the home of those who run it: log a call, the open contacts, how many crises wait. */
@Component({
  selector: 'ruta-home-hotline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslatePipe, OptionLabelPipe, CanDirective],
  template: `
    <section aria-labelledby="home-hotline-title" data-testid="home-hotline">
      <h2 id="home-hotline-title" class="section-title">{{ 'hotline.home.title' | translate }}</h2>
      <div class="actions">
        <a mat-flat-button routerLink="/linea/nueva" *rutaCan="'hotline:manage'" data-testid="home-new-call"><mat-icon aria-hidden="true" svgIcon="phone_in_talk" />{{ 'hotline.home.newCall' | translate }}</a>
        <a mat-stroked-button routerLink="/linea" data-testid="home-hotline-open"><mat-icon aria-hidden="true" svgIcon="call" />{{ 'hotline.home.open' | translate }}</a>
      </div>
      @if (crises() > 0) { <p class="notice" data-testid="home-hotline-crisis">{{ 'hotline.home.waitingCrisis' | translate: { count: crises() } }}</p> }
      <ul class="stack">
        @for (c of open(); track c.id) {
          <li><a [routerLink]="['/linea', c.id]">{{ c.code }}</a> · {{ c.callType | rutaOption: callTypes }} · {{ c.status | rutaOption: statuses }}</li>
        }
      </ul>
    </section>
  `,
  styles: `.actions { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 8px; }`,
})
export class HomeHotline implements OnInit {
  private readonly api = inject(HotlineApi);
  protected readonly callTypes = HOTLINE_CALL_TYPE;
  protected readonly statuses = HOTLINE_STATUS;
  protected readonly open = signal<HotlineContactListItem[]>([]);
  protected readonly crises = signal(0);

  ngOnInit(): void {
    this.api.list({ status: 'open', limit: 5 }).subscribe({ next: (page) => this.open.set(page.items), error: () => undefined });
    this.api.crisis().subscribe({ next: (list) => this.crises.set(list.length), error: () => undefined });
  }
}
