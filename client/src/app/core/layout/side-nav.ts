import { ChangeDetectionStrategy, Component, computed, inject, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthStore } from '../auth/auth.store';
import { filter, map } from 'rxjs';
import { activeNavKey, NAV_ITEMS } from './nav-items';

/** The main navigation: only the entries the user's permissions allow. */
@Component({
  selector: 'ruta-side-nav',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatListModule, MatIconModule, RouterLink, TranslatePipe],
  template: `
    <nav [attr.aria-label]="'nav.label' | translate">
      <mat-nav-list>
        @for (item of items(); track item.key) {
          <a
            mat-list-item
            [routerLink]="item.path"
            [activated]="item.key === active()"
            [attr.aria-current]="item.key === active() ? 'page' : null"
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

  private readonly router = inject(Router);
  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.router.url),
    ),
    { initialValue: this.router.url },
  );
  /** One highlighted entry: the one the current page belongs to. */
  protected readonly active = computed(() => activeNavKey(this.url(), this.items()));
}
