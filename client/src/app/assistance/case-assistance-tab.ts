import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { AssistanceOverview } from '@ruta/shared';
import { CanDirective } from '../core/auth/can.directive';
import { FormError } from '../core/http/form-error';
import { ErrorMessage, problemMessage } from '../core/http/problem';
import { AssistanceApi } from './assistance.api';
import { ClosurePanel } from './tab/closure-panel';
import { FollowUpPanel } from './tab/follow-up-panel';
import { ParticipantPanel } from './tab/participant-panel';
import { PhaseTimers } from './tab/phase-timers';
import { PlanPanel } from './tab/plan-panel';
import { RiskPanel } from './tab/risk-panel';
import { ServiceForm } from './tab/service-form';
import { ServiceList } from './tab/service-list';

/**
 * The case detail's assistance tab: the Law 985 phase timers, the plan, the beneficiary relatives, the services by phase, the risk history,
 * follow-ups and the closure request. Every part answers with the whole overview, which replaces the one shown.
 */
@Component({
  selector: 'ruta-case-assistance-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule, TranslatePipe, CanDirective, FormError, PhaseTimers, PlanPanel, ParticipantPanel, ServiceList, ServiceForm, RiskPanel, FollowUpPanel, ClosurePanel],
  template: `
    <ruta-form-error [message]="error()" />
    @if (overview(); as o) {
      <div class="stack" data-testid="assistance-tab">
        @if (o.suggestProtectionReferral) {
          <p class="notice" role="status" data-testid="assistance-protection-suggestion">
            <mat-icon aria-hidden="true" svgIcon="warning" />{{ 'assistance.risk.suggestion' | translate }}
          </p>
        }
        <ruta-phase-timers [overview]="o" (changed)="overview.set($event)" />
        <ruta-plan-panel [overview]="o" (changed)="overview.set($event)" />
        <ruta-participant-panel [overview]="o" (changed)="overview.set($event)" />
        <ruta-service-list [overview]="o" (changed)="overview.set($event)" />
        <ruta-service-form *rutaCan="'assistance:manage'" [overview]="o" (changed)="overview.set($event)" />
        <ruta-risk-panel [overview]="o" (changed)="overview.set($event)" />
        <ruta-follow-up-panel [overview]="o" (changed)="overview.set($event)" />
        <ruta-closure-panel [overview]="o" (changed)="reload()" />
      </div>
    } @else if (!error()) {
      <p class="muted">{{ 'app.loading' | translate }}</p>
    }
  `,
})
export class CaseAssistanceTab implements OnInit {
  private readonly api = inject(AssistanceApi);
  /** The case code (the route carries codes, never names). */
  readonly code = input.required<string>();
  protected readonly overview = signal<AssistanceOverview | null>(null);
  protected readonly error = signal<ErrorMessage | null>(null);

  ngOnInit(): void {
    this.reload();
  }

  protected reload(): void {
    this.api.overview(this.code()).subscribe({ next: (o) => this.overview.set(o), error: (e: unknown) => this.error.set(problemMessage(e)) });
  }
}
