import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { DuplicateHint } from '@ruta/shared';
import { CanDirective } from '../../core/auth/can.directive';

/**
 * "Possible duplicate at institution X": never the other person's identity. A case the user can already see is linked
 * by its code. The user decides: continue with the intake, or (once the case exists) ask that institution to link.
 */
@Component({
  selector: 'ruta-duplicate-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslatePipe, CanDirective],
  template: `
    @if (hints().length) {
      <section class="duplicate-panel" role="alert" aria-labelledby="duplicate-title" data-testid="duplicate-panel">
        <h3 id="duplicate-title"><mat-icon svgIcon="content_copy" />{{ 'duplicates.title' | translate }}</h3>
        <ul>
          @for (hint of distinct(); track $index) {
            <li data-testid="duplicate-hint">
              {{ 'duplicates.at' | translate: { institution: hint.institution.name } }}
              <span class="muted">({{ 'duplicates.matchedOn.' + hint.matchedOn | translate }})</span>
              @if (hint.code) {
                <a [routerLink]="['/casos', hint.code]" target="_blank" rel="noopener"><code>{{ hint.code }}</code></a>
              } @else if (caseExists()) {
                @if (requestedInstitutions().includes(hint.institution.id)) {
                  <span class="muted" data-testid="duplicate-requested"><mat-icon inline svgIcon="schedule_send" />{{ 'links.requested' | translate }}</span>
                } @else {
                  <button mat-stroked-button type="button" *rutaCan="'cases:update'" [disabled]="busy()" (click)="requestLink.emit(hint)" data-testid="duplicate-request-link">
                    <mat-icon svgIcon="link" />{{ 'links.request' | translate }}
                  </button>
                }
              }
            </li>
          }
        </ul>
        <p>{{ (caseExists() ? 'links.advice' : 'duplicates.advice') | translate: { institutions: institutionNames() } }}</p>
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
  /** True once the case is recorded: hints outside the scope then offer "request link". */
  readonly caseExists = input(false);
  /** Institutions already asked (request pending or accepted). */
  readonly requestedInstitutions = input<readonly string[]>([]);
  readonly busy = input(false);
  readonly proceed = output<void>();
  readonly requestLink = output<DuplicateHint>();

  /** Each case once: one the user can see is named by its code (a document match wins over a name match). */
  protected readonly distinct = computed(() => distinctHints(this.hints()));
  protected readonly institutionNames = computed(() => [...new Set(this.hints().map((h) => h.institution.name))].join(', '));
}

/**
 * Possible duplicates without repeats: a case found both by document and by name and birth date is one case (one
 * line, matched on the document); hints outside the scope, which name only an institution and a kind of match, are
 * shown once per institution and kind.
 */
export function distinctHints(hints: readonly DuplicateHint[]): DuplicateHint[] {
  const byKey = new Map<string, DuplicateHint>();
  for (const hint of hints) {
    const key = hint.code ? `code:${hint.code}` : `hidden:${hint.institution.id}:${hint.matchedOn}`;
    const seen = byKey.get(key);
    if (!seen || (seen.matchedOn !== 'document' && hint.matchedOn === 'document')) byKey.set(key, hint);
  }
  return [...byKey.values()];
}
