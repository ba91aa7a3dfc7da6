import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthStore, LOGIN_ROUTE } from '../auth/auth.store';
import { LanguageService } from '../i18n/language.service';

@Component({
  selector: 'ruta-top-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatToolbarModule, MatButtonModule, MatIconModule, MatMenuModule, RouterLink, TranslatePipe],
  styles: `
    .spacer { flex: 1 1 auto; }
    .brand { color: inherit; text-decoration: none; font-weight: 500; font-size: 1.25rem; margin-inline: 8px; }
    .brand:focus-visible { outline: 3px solid currentColor; outline-offset: 2px; }
    .top-bar { gap: 4px; }
    .top-bar .mat-mdc-button { min-width: 0; flex: 0 1 auto; }
    .user-button { max-width: 16rem; min-width: 0; }
    .user-button ::ng-deep .mdc-button__label { display: flex; min-width: 0; overflow: hidden; }
    .user-name { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .language-short { display: none; text-transform: uppercase; }
    /* On a phone the bar keeps the menu, the brand, a short language switch and the user's name (shortened with an
       ellipsis, whole in the menu and the button's label), side by side without overlapping. */
    @media (max-width: 599.98px) {
      .brand { margin-inline: 4px; }
      .language-long { display: none; }
      .language-short { display: inline; }
      .user-button { max-width: 42vw; }
    }
  `,
  template: `
    <mat-toolbar class="top-bar">
      @if (showMenuToggle()) {
        <button mat-icon-button type="button" (click)="menuToggled.emit()" [attr.aria-label]="'common.openMenu' | translate">
          <mat-icon svgIcon="menu" />
        </button>
      }
      <a class="brand" routerLink="/">{{ 'app.name' | translate }}</a>
      <span class="spacer"></span>
      <button
        mat-button
        type="button"
        data-testid="language-switch"
        (click)="language.choose(language.other())"
      >
        <!-- The name is the button's own text, so it always holds what is visible (WCAG 2.5.3, label in name): "Cambiar
             el idioma a English" on a wide screen, "Cambiar el idioma a EN" on a phone. -->
        <mat-icon svgIcon="translate" />
        <span class="cdk-visually-hidden">{{ 'language.switchTo' | translate }}&ngsp;</span>
        <span class="language-long" [attr.lang]="language.other()">{{ 'language.' + language.other() | translate }}</span>
        <span class="language-short" [attr.lang]="language.other()">{{ language.other() }}</span>
      </button>
      @if (auth.me(); as me) {
        <button
          mat-button
          class="user-button"
          type="button"
          data-testid="user-menu"
          [matMenuTriggerFor]="userMenu"
          [attr.aria-label]="'userMenu.open' | translate: { name: me.name }"
        >
          <mat-icon svgIcon="account_circle" />
          <span class="user-name">{{ me.name }}</span>
        </button>
        <mat-menu #userMenu="matMenu">
          <p class="menu-note" data-testid="user-menu-name">{{ me.name }}</p>
          @if (auth.isAuthenticated()) {
            <a mat-menu-item routerLink="/perfil" data-testid="menu-profile">
              <mat-icon svgIcon="person" />{{ 'userMenu.profile' | translate }}
            </a>
            <a mat-menu-item routerLink="/perfil/cambiar-clave" data-testid="menu-change-password">
              <mat-icon svgIcon="password" />{{ 'userMenu.changePassword' | translate }}
            </a>
          }
          <button mat-menu-item type="button" data-testid="logout" (click)="logout()">
            <mat-icon svgIcon="logout" />{{ 'userMenu.logout' | translate }}
          </button>
        </mat-menu>
      } @else {
        <a mat-button routerLink="/ingresar" data-testid="sign-in-link">{{ 'common.signIn' | translate }}</a>
      }
    </mat-toolbar>
  `,
})
export class TopBar {
  protected readonly auth = inject(AuthStore);
  protected readonly language = inject(LanguageService);
  private readonly router = inject(Router);

  readonly showMenuToggle = input(false);
  readonly menuToggled = output<void>();

  protected logout(): void {
    const leave = () => void this.router.navigateByUrl(LOGIN_ROUTE);
    this.auth.logout().subscribe({ next: leave, error: () => (this.auth.endSession(), leave()) });
  }
}
