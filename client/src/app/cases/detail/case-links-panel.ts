import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { CaseLinksView, DuplicateHint, LINK_DECLINE_REASON, LINK_REQUEST_STATUS } from '@ruta/shared';
import { FormError } from '../../core/http/form-error';
import { Notifier } from '../../core/http/notifier';
import { ErrorMessage, problemMessage } from '../../core/http/problem';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { CaseLinksApi } from '../case-links.api';
import { DuplicatePanel } from '../intake/duplicate-panel';
import { OptionLabelPipe } from '../option-label.pipe';

/**
 * The case's links ("linked to a case at institution X", the code only when the user can see that case), the link
 * requests it sent, and its possible duplicates with a "request link" action each.
 */
@Component({
  selector: 'ruta-case-links-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatIconModule, RouterLink, TranslatePipe, FormError, OptionLabelPipe, DuplicatePanel],
  template: `
    <h3 class="section-title">{{ 'links.title' | translate }}</h3>
    <ul data-testid="case-links">
      @for (link of view().links; track $index) {
        <li data-testid="case-link">
          <mat-icon inline svgIcon="link" />{{ 'links.linkedAt' | translate: { institution: link.institution.name } }}
          @if (link.code) {
            <a [routerLink]="['/casos', link.code]"><code>{{ link.code }}</code></a>
          }
          <span class="muted">· {{ link.linkedAt | date: 'mediumDate' : undefined : locale() }}</span>
        </li>
      }
      @for (request of view().requests; track request.id) {
        <li data-testid="case-link-request" [attr.data-status]="request.status">
          <mat-icon inline svgIcon="schedule_send" />{{ 'links.requestTo' | translate: { institution: request.targetInstitution.name } }}:
          {{ request.status | rutaOption: statuses }}
          @if (request.declineReason) { <span class="muted">({{ request.declineReason | rutaOption: reasons }})</span> }
        </li>
      }
      @if (!view().links.length && !view().requests.length) {
        <li class="muted">{{ 'links.none' | translate }}</li>
      }
    </ul>
    <ruta-duplicate-panel [hints]="hints()" [showContinue]="false" [caseExists]="true" [requestedInstitutions]="requested()" [busy]="busy()" (requestLink)="request($event)" />
    <ruta-form-error [message]="error()" />
  `,
})
export class CaseLinksPanel {
  private readonly api = inject(CaseLinksApi);
  private readonly notifier = inject(Notifier);
  private readonly language = inject(LanguageService);
  readonly code = input.required<string>();
  protected readonly statuses = LINK_REQUEST_STATUS;
  protected readonly reasons = LINK_DECLINE_REASON;

  protected readonly view = signal<CaseLinksView>({ links: [], requests: [] });
  protected readonly hints = signal<DuplicateHint[]>([]);
  protected readonly error = signal<ErrorMessage | null>(null);
  protected readonly busy = signal(false);
  /** Institutions with a pending or accepted request: asking again makes no sense. */
  protected readonly requested = computed(() => this.view().requests.filter((r) => r.status !== 'declined').map((r) => r.targetInstitution.id));

  constructor() {
    effect(() => {
      const code = this.code();
      this.api.links(code).subscribe({ next: (view) => this.view.set(view), error: (error: unknown) => this.error.set(problemMessage(error)) });
      // The hint only helps; a failure leaves it empty.
      this.api.duplicates(code).subscribe({ next: (hints) => this.hints.set(hints), error: () => this.hints.set([]) });
    });
  }

  protected locale(): string {
    return LOCALES[this.language.current()];
  }

  protected request(hint: DuplicateHint): void {
    this.busy.set(true);
    this.error.set(null);
    this.api.request(this.code(), { institutionId: hint.institution.id, matchedOn: hint.matchedOn }).subscribe({
      next: (view) => {
        this.busy.set(false);
        this.view.set(view);
        this.notifier.info('links.sent', { institution: hint.institution.name });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(problemMessage(error));
      },
    });
  }
}
