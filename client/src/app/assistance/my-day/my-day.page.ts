import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ASSISTANCE_ALERT_KIND, AssistanceAlertView } from '@ruta/shared';
import { CanDirective } from '../../core/auth/can.directive';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { AssistanceApi } from '../assistance.api';
import { MyDayCards } from './my-day-cards';

/** `/asistencia`: "my day" (counts with links), the alerts for me, and the approval inbox for supervisors. */
@Component({
  selector: 'ruta-my-day-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, MatButtonModule, MatIconModule, TranslatePipe, CanDirective, OptionLabelPipe, MyDayCards],
  template: `
    <section class="page" aria-labelledby="my-day-title">
      <h1 id="my-day-title">{{ 'assistance.myDay.title' | translate }}</h1>
      <ruta-my-day-cards />
      <a mat-stroked-button routerLink="/asistencia/cierres" *rutaCan="'assistance:approve'" data-testid="my-day-closures">
        <mat-icon aria-hidden="true" svgIcon="arrow_forward" />{{ 'assistance.closures.title' | translate }}
      </a>
      <section aria-labelledby="alerts-title">
        <h2 id="alerts-title" class="section-title">{{ 'assistance.alerts.title' | translate }}</h2>
        <ul class="stack" data-testid="assistance-alerts">
          @for (a of alerts(); track a.id) {
            <li [class.muted]="a.read" [attr.data-testid]="'assistance-alert-' + a.kind + '-' + a.caseCode">
              <strong>{{ a.kind | rutaOption: kinds }}</strong> · <a [routerLink]="['/casos', a.caseCode]" (click)="read(a)"><code>{{ a.caseCode }}</code></a>
              · {{ a.createdAt | date: 'medium' : undefined : locale() }}
            </li>
          } @empty {
            <li class="muted">{{ 'assistance.alerts.none' | translate }}</li>
          }
        </ul>
      </section>
    </section>
  `,
})
export class MyDayPage implements OnInit {
  private readonly api = inject(AssistanceApi);
  private readonly language = inject(LanguageService);
  protected readonly kinds = ASSISTANCE_ALERT_KIND;
  protected readonly locale = computed(() => LOCALES[this.language.current()]);
  protected readonly alerts = signal<AssistanceAlertView[]>([]);

  ngOnInit(): void {
    this.api.alerts().subscribe({ next: (list) => this.alerts.set(list), error: () => undefined });
  }

  protected read(alert: AssistanceAlertView): void {
    if (!alert.read) this.api.markAlertRead(alert.id).subscribe({ error: () => undefined });
  }
}
