import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '@ngx-translate/core';
import { ASSISTANCE_PHASE, AssistanceOverview, AssistanceServiceView, SERVICE_BENEFICIARY, SERVICE_CATEGORY, SERVICE_STATUS, ServiceStatus } from '@ruta/shared';
import { CanDirective } from '../../core/auth/can.directive';
import { Notifier } from '../../core/http/notifier';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { AssistanceApi } from '../assistance.api';

/** The plan's services by phase, with their status, provider, dates, cost in pesos, and the moves each allows. */
@Component({
  selector: 'ruta-service-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, MatButtonModule, TranslatePipe, CanDirective, CalendarDatePipe, OptionLabelPipe],
  template: `
    @for (phase of l.ASSISTANCE_PHASE.values; track phase) {
      <section [attr.aria-labelledby]="'assistance-services-' + phase">
        <h3 [id]="'assistance-services-' + phase" class="section-title">{{ phase | rutaOption: l.ASSISTANCE_PHASE }}</h3>
        <ul class="stack" [attr.data-testid]="'assistance-services-' + phase">
          @for (s of byPhase()[phase]; track s.id) {
            <li [attr.data-testid]="'assistance-service-' + s.category" [attr.data-status]="s.status">
              <strong>{{ s.category | rutaOption: l.SERVICE_CATEGORY }}</strong>
              · <span data-testid="assistance-service-status">{{ s.status | rutaOption: l.SERVICE_STATUS }}</span>
              @if (s.beneficiary !== 'victim') {
                · <span data-testid="assistance-service-for">{{ s.beneficiary | rutaOption: l.SERVICE_BENEFICIARY }}@if (relatives().get(s.participantId ?? ''); as name) { ({{ name }})}</span>
              }
              @if (s.provider || s.providerInstitution) { · {{ s.provider?.name ?? s.providerInstitution?.name }} }
              · {{ 'assistance.service.plannedOn' | translate }} {{ s.plannedOn | rutaDate }}
              @if (s.deliveredOn) { · {{ 'assistance.service.deliveredOn' | translate }} {{ s.deliveredOn | rutaDate }} }
              @if (s.costCop !== null) { · {{ s.costCop | number: '1.0-0' : locale() }} COP }
              @if (s.consentId) { · {{ 'assistance.service.withConsent' | translate }} }
              @if (s.overdue) { · <strong class="tag">{{ 'assistance.service.overdue' | translate }}</strong> }
              <span *rutaCan="'assistance:manage'">
                @for (to of shownMoves(s); track to) {
                  <button mat-button type="button" (click)="move(s, to)" [attr.data-testid]="'assistance-service-' + s.category + '-' + to">{{ 'assistance.service.move.' + to | translate }}</button>
                }
              </span>
            </li>
          } @empty {
            <li class="muted">{{ 'assistance.service.none' | translate }}</li>
          }
        </ul>
      </section>
    }
  `,
})
export class ServiceList {
  private readonly api = inject(AssistanceApi);
  private readonly notifier = inject(Notifier);
  private readonly language = inject(LanguageService);
  readonly overview = input.required<AssistanceOverview>();
  readonly changed = output<AssistanceOverview>();
  protected readonly l = { ASSISTANCE_PHASE, SERVICE_CATEGORY, SERVICE_STATUS, SERVICE_BENEFICIARY };
  protected readonly locale = computed(() => LOCALES[this.language.current()]);
  /** The beneficiary relatives' names by id, for the services they receive. */
  protected readonly relatives = computed(() => new Map(this.overview().participants.map((p) => [p.id, p.fullName])));
  protected readonly byPhase = computed(() => {
    const services = this.overview().services;
    return { immediate: services.filter((s) => s.phase === 'immediate'), medium_term: services.filter((s) => s.phase === 'medium_term') };
  });

  /** A closed case shows its services as they are. */
  protected shownMoves(s: AssistanceServiceView): ServiceStatus[] {
    return this.overview().caseStatus === 'closed' ? [] : s.moves;
  }

  protected move(s: AssistanceServiceView, to: ServiceStatus): void {
    this.api.updateService(s.id, { version: s.version, status: to }).subscribe({
      next: (o) => this.changed.emit(o),
      error: (error: unknown) => {
        this.notifier.problem(error);
        this.api.overview(this.overview().caseCode).subscribe((o) => this.changed.emit(o));
      },
    });
  }
}
