import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

/** The two screens of the area as links (keyboard: Tab to a link, Enter); the current one is marked for readers too. */
@Component({
  selector: 'ruta-privacy-tabs',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, RouterLinkActive, TranslatePipe],
  styles: '.tabs { display: flex; flex-wrap: wrap; gap: 8px; margin-bottom: 12px; } .active { font-weight: 600; text-decoration: underline; }',
  template: `
    <nav class="tabs" [attr.aria-label]="'privacy.title' | translate">
      <a mat-button routerLink="/proteccion-datos" routerLinkActive="active" ariaCurrentWhenActive="page" [routerLinkActiveOptions]="{ exact: true }" data-testid="privacy-tab-retention">{{ 'privacy.retention.title' | translate }}</a>
      <a mat-button routerLink="/proteccion-datos/supresion" routerLinkActive="active" ariaCurrentWhenActive="page" data-testid="privacy-tab-erasure">{{ 'privacy.erasure.title' | translate }}</a>
    </nav>
  `,
})
export class PrivacyTabs {}
