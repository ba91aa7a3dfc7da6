import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthStore } from '../core/auth/auth.store';
import { LanguageService } from '../core/i18n/language.service';

/** Placeholder dashboard: greets the user with their role and institution. Cases come later. */
@Component({
  selector: 'ruta-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, TranslatePipe],
  template: `
    @if (auth.me(); as me) {
      <section class="page">
        <h1 data-testid="home-greeting">{{ 'home.title' | translate: { name: me.name } }}</h1>
        <mat-card appearance="outlined">
          <mat-card-content>
            <dl class="facts">
              <dt>{{ 'home.role' | translate }}</dt>
              <dd data-testid="home-role">{{ roleName() }}</dd>
              <dt>{{ 'home.institution' | translate }}</dt>
              <dd data-testid="home-institution">{{ me.institution.name }}</dd>
            </dl>
          </mat-card-content>
        </mat-card>
        <p class="muted">{{ 'home.upcoming' | translate }}</p>
      </section>
    }
  `,
})
export class HomePage {
  protected readonly auth = inject(AuthStore);
  private readonly language = inject(LanguageService);

  protected readonly roleName = computed(() => {
    const role = this.auth.me()?.role;
    if (!role) return '';
    return this.language.current() === 'en' ? role.nameEn : role.nameEs;
  });
}
