import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { DuplicateHint } from '@ruta/shared';

/**
 * "Possible duplicate at institution X": never the other person's identity. A case the user can already see is linked
 * by its code. The user decides: continue with the intake, or contact that institution to link or merge.
 */
@Component({
  selector: 'ruta-duplicate-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslatePipe],
  template: `
    @if (hints().length) {
      <section class="duplicate-panel" role="alert" aria-labelledby="duplicate-title" data-testid="duplicate-panel">
        <h3 id="duplicate-title"><mat-icon>content_copy</mat-icon>{{ 'duplicates.title' | translate }}</h3>
        <ul>
          @for (hint of hints(); track $index) {
            <li data-testid="duplicate-hint">
              {{ 'duplicates.at' | translate: { institution: hint.institution.name } }}
              <span class="muted">({{ 'duplicates.matchedOn.' + hint.matchedOn | translate }})</span>
              @if (hint.code) {
                <a [routerLink]="['/casos', hint.code]" target="_blank" rel="noopener"><code>{{ hint.code }}</code></a>
              }
            </li>
          }
        </ul>
        <p>{{ 'duplicates.advice' | translate: { institutions: institutionNames() } }}</p>
        @if (showContinue()) {
          <button mat-flat-button type="button" (click)="proceed.emit()" data-testid="duplicate-continue">
            {{ 'duplicates.continue' | translate }}
          </button>
        }
      </section>
    }
  `,
})
export class DuplicatePanel {
  readonly hints = input.required<DuplicateHint[]>();
  readonly showContinue = input(true);
  readonly proceed = output<void>();

  protected readonly institutionNames = computed(() => [...new Set(this.hints().map((h) => h.institution.name))].join(', '));
}
