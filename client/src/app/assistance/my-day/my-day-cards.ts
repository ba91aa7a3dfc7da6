import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { MyDay, WorklistKind } from '@ruta/shared';
import { FormError } from '../../core/http/form-error';
import { ErrorMessage, problemMessage } from '../../core/http/problem';
import { AssistanceApi } from '../assistance.api';

interface Card {
  kind: WorklistKind;
  count: number;
  urgent: boolean;
}

/** The caseworker's day in counts; each card links to the list of cases behind it. */
@Component({
  selector: 'ruta-my-day-cards',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatIconModule, TranslatePipe, FormError],
  template: `
    <ruta-form-error [message]="error()" />
    @if (counts(); as c) {
      @if (c.overduePhases) {
        <p class="notice" data-testid="my-day-overdue-phases"><mat-icon aria-hidden="true" svgIcon="warning" />{{ 'assistance.myDay.overduePhases' | translate: { count: c.overduePhases } }}</p>
      }
      <ul class="cards" data-testid="my-day-cards">
        @for (card of cards(); track card.kind) {
          <li>
            <a class="card-link" [class.urgent]="card.urgent && card.count > 0" [routerLink]="['/asistencia/lista', card.kind]" [attr.data-testid]="'my-day-' + card.kind">
              <span class="count" data-testid="my-day-count">{{ card.count }}</span>
              <span>{{ 'assistance.worklist.' + card.kind | translate }}</span>
            </a>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .cards { list-style: none; padding: 0; display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); }
    .card-link { display: flex; flex-direction: column; padding: 0.75rem 1rem; border: 1px solid var(--mat-sys-outline-variant); border-radius: 0.75rem; text-decoration: none; color: inherit; }
    .card-link:focus-visible { outline: 3px solid var(--mat-sys-primary); outline-offset: 2px; }
    .card-link.urgent { border-color: var(--mat-sys-error); }
    .count { font-size: 1.75rem; font-weight: 500; }
  `,
})
export class MyDayCards implements OnInit {
  private readonly api = inject(AssistanceApi);
  protected readonly counts = signal<MyDay | null>(null);
  protected readonly error = signal<ErrorMessage | null>(null);
  protected readonly cards = computed<Card[]>(() => {
    const c = this.counts();
    if (!c) return [];
    return [
      { kind: 'phase_immediate', count: c.byPhase.immediate, urgent: false },
      { kind: 'phase_medium_term', count: c.byPhase.mediumTerm, urgent: false },
      { kind: 'phase_follow_up', count: c.byPhase.followUp, urgent: false },
      { kind: 'follow_ups_due', count: c.followUpsDueToday, urgent: false },
      { kind: 'follow_ups_overdue', count: c.followUpsOverdue, urgent: true },
      { kind: 'services_overdue', count: c.servicesOverdue, urgent: true },
      { kind: 'high_risk', count: c.highRisk, urgent: true },
      { kind: 'closures_pending', count: c.closuresPending, urgent: false },
    ];
  });

  ngOnInit(): void {
    this.api.myDay().subscribe({ next: (c) => this.counts.set(c), error: (e: unknown) => this.error.set(problemMessage(e)) });
  }
}
