import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthStore } from '../core/auth/auth.store';
import { CanDirective } from '../core/auth/can.directive';
import { LanguageService } from '../core/i18n/language.service';
import { NAV_ITEMS } from '../core/layout/nav-items';
import { CaseStatsCards } from './case-stats-cards';
import { canBeAssigned, comingWork, worksOnReferrals } from './home-work';
import { HomeReferrals } from '../referrals/home-referrals';
import { HomeHotline } from '../hotline/home-hotline';
import { HomeProsecutions } from '../prosecutions/home-prosecutions';
import { HomeIndicators } from '../indicators/home-indicators';
import { HomeAssistance } from '../assistance/home-assistance';
import { RoleDashboardCard } from './role-dashboard';

/**
 * The dashboard: who is signed in, then what the role works on. With `cases:read`, the counts of the cases in scope and
 * quick actions; without it (administrators, auditors), links to the areas the role does reach.
 */
@Component({
  selector: 'ruta-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatCardModule, MatButtonModule, MatIconModule, TranslatePipe, CanDirective, CaseStatsCards, HomeReferrals, HomeIndicators, HomeProsecutions, HomeHotline, HomeAssistance, RoleDashboardCard],
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

        @if (canReadCases()) {
          <section aria-labelledby="home-actions-title" data-testid="home-actions">
            <h2 id="home-actions-title" class="section-title">{{ 'home.actionsTitle' | translate }}</h2>
            <div class="actions">
              <a mat-flat-button routerLink="/casos/nuevo" *rutaCan="'cases:create'" data-testid="home-new-case">
                <mat-icon aria-hidden="true" svgIcon="add" />{{ 'home.newCase' | translate }}
              </a>
              <a mat-stroked-button routerLink="/casos" data-testid="home-search-cases">
                <mat-icon aria-hidden="true" svgIcon="search" />{{ 'home.searchCases' | translate }}
              </a>
            </div>
          </section>
          <ruta-home-assistance *rutaCan="'assistance:manage'" />
          <ruta-home-prosecutions *rutaCan="['proceedings:manage', 'operations:manage']" />
          <ruta-home-hotline *rutaCan="'hotline:read'" />
          <!-- Each role's dashboard chart: the component and ECharts load after the page (@defer), never in the initial bundle. -->
          <ng-container *rutaCan="'assistance:manage'">@defer { <ruta-role-dashboard kind="caseworker" /> }</ng-container>
          <ng-container *rutaCan="'operations:manage'">@defer { <ruta-role-dashboard kind="investigator" /> }</ng-container>
          <ng-container *rutaCan="'proceedings:manage'">@defer { <ruta-role-dashboard kind="prosecutor" /> }</ng-container>
          <ng-container *rutaCan="'hotline:manage'">@defer { <ruta-role-dashboard kind="hotline" /> }</ng-container>
          @if (referred()) {
            <ruta-home-referrals />
          } @else if (coming().length) {
            <section aria-labelledby="home-coming-title" data-testid="home-coming">
              <h2 id="home-coming-title" class="section-title">{{ 'home.coming.title' | translate }}</h2>
              @for (work of coming(); track work) {
                <p class="notice" [attr.data-testid]="'home-coming-' + work">{{ 'home.coming.' + work | translate }}</p>
              }
            </section>
          } @else {
            <ruta-case-stats-cards [showAssigned]="assignable()" />
          }
          <ng-container *rutaCan="'indicators:read'">@defer { <ruta-home-indicators /> <ruta-role-dashboard kind="coordinator" /> }</ng-container>
        } @else if (areas().length) {
          <section aria-labelledby="home-areas-title" data-testid="home-areas">
            <h2 id="home-areas-title" class="section-title">{{ 'home.areasTitle' | translate }}</h2>
            <p class="muted">{{ 'home.areasHint' | translate }}</p>
            <div class="actions">
              @for (area of areas(); track area.key) {
                <a mat-stroked-button [routerLink]="area.path" [attr.data-testid]="'home-area-' + area.key">
                  <mat-icon aria-hidden="true" [svgIcon]="area.icon" />{{ 'nav.' + area.key | translate }}
                </a>
              }
            </div>
          </section>
        }
      </section>
    }
  `,
  styles: `
    .section-title { font: var(--mat-sys-title-large); margin: 0 0 12px; }
    .actions { display: flex; flex-wrap: wrap; gap: 12px; }
  `,
})
export class HomePage {
  protected readonly auth = inject(AuthStore);
  private readonly language = inject(LanguageService);

  protected readonly canReadCases = computed(() => this.auth.permissions().has('cases:read'));
  /** Work of this role that Ruta does not do yet: said plainly instead of counts that can only be zero. */
  protected readonly coming = computed(() => {
    const me = this.auth.me();
    return me ? comingWork(me) : [];
  });
  /** Partners: the referrals received instead of case counts. */
  protected readonly referred = computed(() => {
    const me = this.auth.me();
    return !!me && worksOnReferrals(me);
  });
  protected readonly assignable = computed(() => {
    const me = this.auth.me();
    return !!me && canBeAssigned(me);
  });

  /** The sections of the navigation that a permission opens and this user holds (users, audit, ...). */
  protected readonly areas = computed(() => {
    const held = this.auth.permissions();
    return NAV_ITEMS.filter((item) => item.permissions?.some((p) => held.has(p)));
  });

  protected readonly roleName = computed(() => {
    const role = this.auth.me()?.role;
    if (!role) return '';
    return this.language.current() === 'en' ? role.nameEn : role.nameEs;
  });
}
