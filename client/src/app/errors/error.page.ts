import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

/** "Not found" (wildcard route) and "no access" (permission guard). */
@Component({
  selector: 'ruta-error-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslatePipe],
  template: `
    <section class="page narrow" [attr.data-testid]="'error-' + kind()">
      <mat-icon class="big-icon" [svgIcon]="kind() === 'forbidden' ? 'block' : 'explore_off'" />
      <h1>{{ kind() + '.title' | translate }}</h1>
      <p>{{ kind() + '.text' | translate }}</p>
      <a mat-flat-button routerLink="/">{{ 'notFound.home' | translate }}</a>
    </section>
  `,
})
export class ErrorPage {
  /** From route data. */
  readonly kind = input<'notFound' | 'forbidden'>('notFound');
}
