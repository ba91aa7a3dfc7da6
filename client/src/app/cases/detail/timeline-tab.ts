import { DatePipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { CASE_STATUS, TimelineEntry } from '@ruta/shared';
import { RutaIcon } from '../../core/icons/icons';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { CasesApi } from '../cases.api';
import { OptionLabelPipe } from '../option-label.pipe';

const ICONS: Record<TimelineEntry['kind'], RutaIcon> = { status: 'swap_horiz', audit: 'history', note: 'sticky_note_2', document: 'description' };

/** Everything that happened to the case, newest first, as the API tells it (identity values are masked there). */
@Component({
  selector: 'ruta-timeline-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, JsonPipe, MatIconModule, TranslatePipe, OptionLabelPipe],
  template: `
    <ol class="timeline" data-testid="timeline">
      @for (e of entries(); track $index) {
        <li [attr.data-kind]="e.kind">
          <mat-icon [svgIcon]="icons[e.kind]" />
          <div>
            <p>
              <strong>{{ 'timeline.kinds.' + e.kind | translate }}</strong>
              @if (e.kind === 'status') {
                {{ from(e) | rutaOption: statuses }} → {{ to(e) | rutaOption: statuses }}
                @if (e.details['reason']) {
                  <span class="muted">({{ e.details['reason'] }})</span>
                }
              } @else if (e.kind === 'audit') {
                {{ 'auditActions.' + e.action | translate }}
              } @else {
                {{ 'timeline.created' | translate }}
              }
            </p>
            <p class="muted">{{ e.actor?.name ?? ('audit.system' | translate) }} · {{ e.at | date: 'medium' : undefined : locales[language.current()] }}</p>
            @if (fields(e); as f) {
              <p class="muted">{{ 'timeline.fields' | translate }} {{ f }}</p>
            } @else if (e.kind === 'audit' && hasDetails(e)) {
              <details><summary>{{ 'timeline.details' | translate }}</summary><pre>{{ e.details | json }}</pre></details>
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
  protected readonly language = inject(LanguageService);
  protected readonly locales = LOCALES;
  readonly code = input.required<string>();
  protected readonly icons = ICONS;
  protected readonly statuses = CASE_STATUS;
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

  protected fields(e: TimelineEntry): string | null {
    const fields = e.details['fields'];
    return Array.isArray(fields) && fields.length ? fields.join(', ') : null;
  }

  protected hasDetails(e: TimelineEntry): boolean {
    return Object.keys(e.details).length > 0;
  }
}
