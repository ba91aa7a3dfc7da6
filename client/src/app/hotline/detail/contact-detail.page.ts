import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { EXPLOITATION_PURPOSE, HOTLINE_CALL_TYPE, HOTLINE_CALLER_TYPE, HOTLINE_CHANNEL, HOTLINE_OUTCOME, HOTLINE_REPORT_GROUND, HOTLINE_STATUS, HOTLINE_URGENCY, HotlineContactView, HotlineStatus, SCREENING_ACT, SCREENING_MEANS, canMoveHotlineContact } from '@ruta/shared';
import { OptionLabelPipe, OptionLabelsPipe } from '../../cases/option-label.pipe';
import { PlacesApi } from '../../cases/places.api';
import { forkJoin, of } from 'rxjs';
import { CanDirective } from '../../core/auth/can.directive';
import { FormError } from '../../core/http/form-error';
import { Notifier } from '../../core/http/notifier';
import { ErrorMessage, problemCode, problemMessage } from '../../core/http/problem';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { HotlineApi } from '../hotline.api';
import { OutcomePanel } from './outcome-panel';

/** `/linea/:id`: one contact in readable labels, who took it, the repeat-caller count, its moves and its outcome. */
@Component({
  selector: 'ruta-contact-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, MatButtonModule, MatIconModule, TranslatePipe, OptionLabelPipe, OptionLabelsPipe, CanDirective, FormError, OutcomePanel],
  template: `
    <section class="page">
      <ruta-form-error [message]="error()" />
      @if (contact(); as k) {
        <div class="page-header">
          <h1 tabindex="-1" data-testid="contact-heading">{{ 'hotline.detail.heading' | translate: { code: k.code } }}</h1>
          <span class="chip" data-testid="contact-status">{{ k.status | rutaOption: statuses }}</span>
        </div>
        <p data-testid="contact-repeat">
          @if (!k.hasPhone) {
            {{ 'hotline.detail.noPhone' | translate }}
          } @else if (k.earlierContacts === 0) {
            {{ 'hotline.detail.repeat.none' | translate }}
          } @else {
            <strong>{{ (k.earlierContacts === 1 ? 'hotline.detail.repeat.one' : 'hotline.detail.repeat.other') | translate: { count: k.earlierContacts } }}</strong>
          }
        </p>
        <dl class="facts">
          <dt>{{ 'hotline.intake.callType' | translate }}</dt><dd data-testid="contact-call-type">{{ k.callType | rutaOption: callTypes }}</dd>
          <dt>{{ 'hotline.intake.callerType' | translate }}</dt><dd>{{ k.callerType | rutaOption: callerTypes }}</dd>
          <dt>{{ 'hotline.intake.channel' | translate }}</dt><dd>{{ k.channel | rutaOption: channels }}</dd>
          <dt>{{ 'hotline.intake.urgency' | translate }}</dt><dd>{{ k.urgency | rutaOption: urgencies }}</dd>
          <dt>{{ 'hotline.detail.startedAt' | translate }}</dt><dd>{{ k.startedAt | date: 'medium' : undefined : locales[language.current()] }}</dd>
          <dt>{{ 'hotline.detail.duration' | translate }}</dt><dd>{{ 'hotline.detail.minutes' | translate: duration() }}</dd>
          <dt>{{ 'hotline.detail.place' | translate }}</dt>
          <dd data-testid="contact-place">
{{ placeName() }}
          </dd>
          <dt>{{ 'hotline.intake.purposes' | translate }}</dt><dd>{{ k.purposes | rutaOptions: purposes }}</dd>
          <dt>{{ 'hotline.intake.acts' | translate }}</dt><dd>{{ k.acts | rutaOptions: acts }}</dd>
          <dt>{{ 'hotline.intake.means' | translate }}</dt><dd>{{ k.means | rutaOptions: means }}</dd>
          <dt>{{ 'hotline.detail.child' | translate }}</dt><dd>{{ (k.childInvolved ? 'hotline.detail.yes' : 'hotline.detail.no') | translate }}</dd>
          <dt>{{ 'hotline.detail.consent' | translate }}</dt><dd>{{ (k.consentToAuthorities ? 'hotline.detail.yes' : 'hotline.detail.no') | translate }}</dd>
          <dt>{{ 'hotline.detail.operator' | translate }}</dt><dd>{{ k.operator.name }}</dd>
          @if (k.takenBy) { <dt>{{ 'hotline.detail.takenBy' | translate }}</dt><dd>{{ k.takenBy.name }}</dd> }
          @if (k.outcome) { <dt>{{ 'hotline.detail.outcome' | translate }}</dt><dd data-testid="contact-outcome">{{ k.outcome | rutaOption: outcomes }}</dd> }
          @if (k.reportGround) { <dt>{{ 'hotline.detail.ground' | translate }}</dt><dd>{{ k.reportGround | rutaOption: grounds }}</dd> }
          @if (k.caseCode) { <dt>{{ 'hotline.detail.case' | translate }}</dt><dd><a [routerLink]="['/casos', k.caseCode]" data-testid="contact-case">{{ k.caseCode }}</a></dd> }
        </dl>
        @if (k.summary) { <p class="summary">{{ k.summary }}</p> }
        <div class="actions" *rutaCan="'hotline:manage'">
          @if (!k.takenBy && k.status !== 'closed') {
            <button mat-stroked-button type="button" (click)="take(k)" data-testid="contact-take">{{ 'hotline.detail.take' | translate }}</button>
          }
          @if (can(k.status, 'assessing')) {
            <button mat-stroked-button type="button" (click)="move(k, 'assessing')" data-testid="contact-assess">{{ 'hotline.detail.assess' | translate }}</button>
          }
          @if (can(k.status, 'closed')) {
            <button mat-stroked-button type="button" (click)="move(k, 'closed')" data-testid="contact-close">{{ 'hotline.detail.close' | translate }}</button>
          }
        </div>
        @if (can(k.status, 'outcome')) {
          <ruta-outcome-panel *rutaCan="'hotline:manage'" [contact]="k" (changed)="contact.set($event)" (stale)="reload(true)" />
        }
      }
    </section>
  `,
  styles: `.page-header { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; } .summary { white-space: pre-wrap; } .actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 16px 0; }`,
})
export class ContactDetailPage implements OnInit {
  private readonly api = inject(HotlineApi);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService);
  protected readonly locales = LOCALES;
  readonly id = input.required<string>();
  protected readonly contact = signal<HotlineContactView | null>(null);
  protected readonly error = signal<ErrorMessage | null>(null);
  protected readonly statuses = HOTLINE_STATUS;
  protected readonly callTypes = HOTLINE_CALL_TYPE;
  protected readonly callerTypes = HOTLINE_CALLER_TYPE;
  protected readonly channels = HOTLINE_CHANNEL;
  protected readonly urgencies = HOTLINE_URGENCY;
  protected readonly outcomes = HOTLINE_OUTCOME;
  protected readonly grounds = HOTLINE_REPORT_GROUND;
  protected readonly purposes = EXPLOITATION_PURPOSE;
  protected readonly acts = SCREENING_ACT;
  protected readonly means = SCREENING_MEANS;
  private readonly places = inject(PlacesApi);
  /** "Santiago de Cali, Valle del Cauca", a department, or a country abroad; never a code. */
  protected readonly placeName = signal('—');
  protected readonly duration = computed(() => {
    const s = this.contact()?.durationSeconds ?? 0;
    return { minutes: Math.floor(s / 60), seconds: s % 60 };
  });

  ngOnInit(): void {
    this.reload();
  }

  protected can(from: HotlineStatus, to: HotlineStatus): boolean {
    return canMoveHotlineContact(from, to);
  }

  protected reload(stale = false): void {
    this.api.get(this.id()).subscribe({
      next: (contact) => {
        this.contact.set(contact);
        this.namePlace(contact);
        if (stale) this.notifier.info('hotline.detail.stale');
      },
      error: (error: unknown) => this.error.set(problemMessage(error)),
    });
  }

  protected take(k: HotlineContactView): void {
    this.api.take(k.id, k.version).subscribe({ next: (c) => this.contact.set(c), error: (e: unknown) => this.failed(e) });
  }

  protected move(k: HotlineContactView, to: HotlineStatus): void {
    this.api.move(k.id, { version: k.version, to }).subscribe({
      next: (c) => {
        this.contact.set(c);
        this.notifier.info('hotline.detail.moved');
      },
      error: (e: unknown) => this.failed(e),
    });
  }

  private namePlace(k: HotlineContactView): void {
    if (k.countryCode && k.countryCode !== 'CO') {
      this.places.countries$.subscribe((list) => {
        const country = list.find((c) => c.code === k.countryCode);
        this.placeName.set(country ? (this.language.current() === 'en' ? country.nameEn : country.nameEs) : '—');
      });
      return;
    }
    if (!k.departmentCode) return;
    forkJoin([this.places.departments$, k.municipalityCode ? this.places.municipalities(k.departmentCode) : of([])]).subscribe(([departments, towns]) => {
      const department = departments.find((d) => d.code === k.departmentCode)?.name ?? '—';
      const town = towns.find((m) => m.code === k.municipalityCode)?.name;
      this.placeName.set(town ? `${town}, ${department}` : department);
    });
  }

  private failed(error: unknown): void {
    if (problemCode(error) === 'stale_version' || problemCode(error) === 'already_taken') this.reload(true);
    else this.error.set(problemMessage(error));
  }
}
