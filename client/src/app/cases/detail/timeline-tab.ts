import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { CASE_STATUS, CLOSE_REASON, Labelled, SUSPENSION_REASON, TimelineEntry } from '@ruta/shared';
import { RutaIcon } from '../../core/icons/icons';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { CasesApi } from '../cases.api';
import { FieldNamesPipe } from '../field-names.pipe';
import { OptionLabelPipe } from '../option-label.pipe';

const ICONS: Record<TimelineEntry['kind'], RutaIcon> = { status: 'swap_horiz', audit: 'history', note: 'sticky_note_2', document: 'description' };

/** The sections a read of the case names in its audit details that have a label of their own. */
const SECTIONS = new Set(['consents', 'documents', 'links', 'notes', 'timeline', 'victim', 'hotline']);
/** A status move's reason: a closing or a suspension reason. */
const REASONS: Labelled<string> = {
  values: [...CLOSE_REASON.values, ...SUSPENSION_REASON.values],
  labels: { ...CLOSE_REASON.labels, ...SUSPENSION_REASON.labels },
};

/**
 * Everything that happened to the case, newest first, in sentences: the action, the section or the fields by their
 * names (never `victim.aliases`), who and when in the user's locale. Identity values are masked by the API.
 */
@Component({
  selector: 'ruta-timeline-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DateTimePipe, MatIconModule, TranslatePipe, OptionLabelPipe, FieldNamesPipe],
  template: `
    <ol class="timeline" data-testid="timeline">
      @for (e of entries(); track $index) {
        <li [attr.data-kind]="e.kind" data-testid="timeline-entry">
          <mat-icon [svgIcon]="icons[e.kind]" />
          <div>
            <p data-testid="timeline-text">
              @switch (e.kind) {
                @case ('status') {
                  <strong>{{ 'timeline.statusChange' | translate }}</strong>
                  {{ from(e) | rutaOption: statuses }} → {{ to(e) | rutaOption: statuses }}
                  @if (reason(e); as r) {
                    <span class="muted">({{ r | rutaOption: reasons }})</span>
                  }
                }
                @case ('audit') {
                  <strong>{{ 'auditActions.' + e.action | translate }}</strong>
                  @if (section(e); as s) {
                    {{ 'timeline.sections.' + s | translate: e.details }}
                  }
                }
                @default {
                  <strong>{{ 'timeline.added.' + e.kind | translate }}</strong>
                }
              }
            </p>
            <p class="muted">{{ e.actor?.name ?? ('audit.system' | translate) }} · {{ e.at | rutaDateTime }}</p>
            @if (fields(e); as f) {
              <p class="muted" data-testid="timeline-fields">{{ 'timeline.fields' | translate }} {{ f | rutaFieldNames }}</p>
            }
          </div>
        </li>
      } @empty {
        <li class="muted">{{ (loaded() ? 'common.empty' : 'app.loading') | translate }}</li>
      }
    </ol>
  `,
})
export class TimelineTab implements OnInit {
  private readonly api = inject(CasesApi);
  readonly code = input.required<string>();
  protected readonly icons = ICONS;
  protected readonly statuses = CASE_STATUS;
  protected readonly reasons = REASONS;
  protected readonly entries = signal<TimelineEntry[]>([]);
  protected readonly loaded = signal(false);

  ngOnInit(): void {
    this.api.timeline(this.code()).subscribe({
      next: (list) => {
        this.entries.set(list);
        this.loaded.set(true);
      },
      error: () => this.loaded.set(true),
    });
  }

  protected from(e: TimelineEntry): string {
    return String(e.details['from'] ?? '');
  }

  protected to(e: TimelineEntry): string {
    return String(e.details['to'] ?? '');
  }

  protected reason(e: TimelineEntry): string | null {
    const reason = e.details['reason'];
    return typeof reason === 'string' && reason ? reason : null;
  }

  protected section(e: TimelineEntry): string | null {
    const section = e.details['section'];
    return typeof section === 'string' && SECTIONS.has(section) ? section : null;
  }

  protected fields(e: TimelineEntry): string[] | null {
    const fields = e.details['fields'];
    return Array.isArray(fields) && fields.length ? fields.map(String) : null;
  }
}
