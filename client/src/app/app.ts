import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatSidenavModule } from '@angular/material/sidenav';
import { RouterOutlet } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { map } from 'rxjs';
import { AuthStore } from './core/auth/auth.store';
import { LanguageService } from './core/i18n/language.service';
import { FocusOnNavigation } from './core/layout/focus-on-navigation';
import { SideNav } from './core/layout/side-nav';
import { TopBar } from './core/layout/top-bar';
import { CrisisBanner } from './hotline/crisis-banner';

/** The shell: skip link, top bar (header), side navigation when signed in, and the main content. */
@Component({
  selector: 'ruta-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, MatSidenavModule, TopBar, SideNav, TranslatePipe, CrisisBanner],
  styleUrl: './app.scss',
  template: `
    <a class="skip-link" href="#main-content" (click)="focusMain($event)">{{ 'app.skipToContent' | translate }}</a>
    <header>
      <ruta-top-bar [showMenuToggle]="showNav() && narrow()" (menuToggled)="navOpen.set(!navOpen())" />
    </header>
    <mat-sidenav-container class="body">
      @if (showNav()) {
        <mat-sidenav
          [mode]="narrow() ? 'over' : 'side'"
          [opened]="!narrow() || navOpen()"
          (closedStart)="navOpen.set(false)"
          class="side"
        >
          <ruta-side-nav (navigated)="navOpen.set(false)" />
        </mat-sidenav>
      }
      <mat-sidenav-content>
        <ruta-crisis-banner />
        <main id="main-content" tabindex="-1">
          <router-outlet />
        </main>
      </mat-sidenav-content>
    </mat-sidenav-container>
  `,
})
export class App {
  private readonly auth = inject(AuthStore);
  private readonly language = inject(LanguageService);

  protected readonly narrow = toSignal(
    inject(BreakpointObserver).observe('(max-width: 840px)').pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly navOpen = signal(false);
  protected readonly showNav = computed(() => this.auth.isAuthenticated());

  constructor() {
    inject(FocusOnNavigation).start();
    // The profile's language wins once signed in, unless the user just chose one on the login page.
    effect(() => {
      const language = this.auth.me()?.language;
      if (language) this.language.followProfile(language);
    });
  }

  protected focusMain(event: Event): void {
    event.preventDefault();
    document.getElementById('main-content')?.focus();
  }
}
