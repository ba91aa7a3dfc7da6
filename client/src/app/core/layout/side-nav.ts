import { ChangeDetectionStrategy, Component, computed, inject, output } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthStore } from '../auth/auth.store';
import { NAV_ITEMS } from './nav-items';

/** The main navigation: only the entries the user's permissions allow. */
@Component({
  selector: 'ruta-side-nav',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatListModule, MatIconModule, RouterLink, RouterLinkActive, TranslatePipe],
  template: `
    <nav [attr.aria-label]="'nav.label' | translate">
      <mat-nav-list>
        @for (item of items(); track item.key) {
          <a
            mat-list-item
            [routerLink]="item.path"
            routerLinkActive
            #rla="routerLinkActive"
            [activated]="rla.isActive"
            ariaCurrentWhenActive="page"
            [attr.data-testid]="'nav-' + item.key"
            (click)="navigated.emit()"
          >
            <mat-icon matListItemIcon [svgIcon]="item.icon" />
            <span matListItemTitle>{{ 'nav.' + item.key | translate }}</span>
          </a>
        }
      </mat-nav-list>
    </nav>
  `,
})
export class SideNav {
  private readonly auth = inject(AuthStore);
  readonly navigated = output<void>();

  protected readonly items = computed(() =>
    NAV_ITEMS.filter((item) => !item.permissions || this.auth.can(item.permissions)),
  );
}
