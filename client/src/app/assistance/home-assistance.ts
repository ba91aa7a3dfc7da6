import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { CanDirective } from '../core/auth/can.directive';
import { MyDayCards } from './my-day/my-day-cards';

/** On the caseworker's home: "my day" (cases by phase, follow-ups, overdue services, high risk, closures waiting). */
@Component({
  selector: 'ruta-home-assistance',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslatePipe, CanDirective, MyDayCards],
  template: `
    <section aria-labelledby="home-assistance-title" data-testid="home-assistance">
      <h2 id="home-assistance-title" class="section-title">{{ 'assistance.myDay.title' | translate }}</h2>
      <ruta-my-day-cards />
      <div class="actions">
        <a mat-stroked-button routerLink="/asistencia" data-testid="home-assistance-all"><mat-icon aria-hidden="true" svgIcon="arrow_forward" />{{ 'assistance.myDay.open' | translate }}</a>
        <a mat-stroked-button routerLink="/asistencia/cierres" *rutaCan="'assistance:approve'" data-testid="home-assistance-closures">
          <mat-icon aria-hidden="true" svgIcon="arrow_forward" />{{ 'assistance.closures.title' | translate }}
        </a>
      </div>
    </section>
  `,
})
export class HomeAssistance {}
