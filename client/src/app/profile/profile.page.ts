import { ChangeDetectionStrategy, Component, computed, inject, OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Language, LANGUAGES } from '@ruta/shared';
import { AuthStore } from '../core/auth/auth.store';
import { LanguageService } from '../core/i18n/language.service';
import { MfaSettings } from './mfa-settings';

@Component({
  selector: 'ruta-profile-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, MatFormFieldModule, MatSelectModule, MatButtonModule, MatIconModule, RouterLink, TranslatePipe, MfaSettings],
  template: `
    @if (auth.me(); as me) {
      <section class="page narrow">
        <h1>{{ 'profile.title' | translate }}</h1>
        <mat-card appearance="outlined">
          <mat-card-content>
            <dl class="facts">
              <dt>{{ 'profile.name' | translate }}</dt>
              <dd>{{ me.name }}</dd>
              <dt>{{ 'profile.email' | translate }}</dt>
              <dd>{{ me.email }}</dd>
              <dt>{{ 'profile.institution' | translate }}</dt>
              <dd>{{ me.institution.name }}</dd>
              <dt>{{ 'profile.role' | translate }}</dt>
              <dd>{{ roleName() }}</dd>
              <dt>{{ 'profile.scope' | translate }}</dt>
              <dd>{{ 'recordScopes.' + me.role.scope | translate }}</dd>
            </dl>
            <mat-form-field>
              <mat-label>{{ 'language.label' | translate }}</mat-label>
              <mat-select
                [value]="language.current()"
                (selectionChange)="language.choose($event.value)"
                data-testid="profile-language"
              >
                @for (lang of languages; track lang) {
                  <mat-option [value]="lang" [attr.lang]="lang">{{ 'language.' + lang | translate }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <p>
              <a mat-stroked-button routerLink="/perfil/cambiar-clave" data-testid="profile-change-password">
                <mat-icon svgIcon="password" />{{ 'userMenu.changePassword' | translate }}
              </a>
            </p>
          </mat-card-content>
        </mat-card>
        <mat-card appearance="outlined">
          <mat-card-content><ruta-mfa-settings /></mat-card-content>
        </mat-card>
      </section>
    }
  `,
})
export class ProfilePage implements OnInit {
  protected readonly auth = inject(AuthStore);
  protected readonly language = inject(LanguageService);
  protected readonly languages: readonly Language[] = LANGUAGES;

  protected readonly roleName = computed(() => {
    const role = this.auth.me()?.role;
    return role ? (this.language.current() === 'en' ? role.nameEn : role.nameEs) : '';
  });

  ngOnInit(): void {
    void this.auth.load();
  }
}
