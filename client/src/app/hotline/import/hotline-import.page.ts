import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, ElementRef, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { HOTLINE_IMPORT_FIELDS, HotlineImportField, HotlineImportView } from '@ruta/shared';
import { FormError } from '../../core/http/form-error';
import { ErrorMessage, problemMessage } from '../../core/http/problem';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { HotlineApi } from '../hotline.api';

/** The column names of a CSV's first line (quoted names may hold commas; a BOM is dropped). */
export function csvHeader(text: string): string[] {
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const names: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      current += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      names.push(current.trim());
      current = '';
    } else current += ch;
  }
  names.push(current.trim());
  return names.filter(Boolean);
}

const REQUIRED: HotlineImportField[] = ['startedAt', 'channel', 'callerType', 'callType'];

/**
 * `/linea/importar`: a historical call log (CSV or XLSX). The CSV header is read here to offer its columns; the server
 * parses, validates and imports it in the background, and this page follows the progress and shows every rejected row.
 */
@Component({
  selector: 'ruta-hotline-import-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, MatSelectModule, TranslatePipe, FormError],
  template: `
    <section class="page">
      <h1 tabindex="-1">{{ 'hotline.import.title' | translate }}</h1>
      <ruta-form-error [message]="error()" />
      <input #file type="file" class="cdk-visually-hidden" accept=".csv,.xlsx" (change)="picked()" data-testid="import-file" [attr.aria-label]="'hotline.import.file' | translate" />
      <p>
        <button mat-stroked-button type="button" (click)="fileInput().nativeElement.click()"><mat-icon svgIcon="upload_file" />{{ 'hotline.import.choose' | translate }}</button>
        {{ fileName() }}
      </p>
      @if (fileName()) {
        <h2>{{ 'hotline.import.mapping' | translate }}</h2>
        <p class="muted">{{ 'hotline.import.mappingHint' | translate }}</p>
        <div class="mapping">
          @for (field of fields; track field) {
            <mat-form-field>
              <mat-label>{{ 'hotline.import.fields.' + field | translate }}{{ required.includes(field) ? ' *' : '' }}</mat-label>
              @if (columns().length) {
                <mat-select [ngModel]="mapping()[field] ?? ''" (ngModelChange)="map(field, $event)" [attr.data-testid]="'map-' + field">
                  <mat-option value="">—</mat-option>
                  @for (c of columns(); track c) { <mat-option [value]="c">{{ c }}</mat-option> }
                </mat-select>
              } @else {
                <!-- An XLSX header is read by the server: its column names are typed here. -->
                <input matInput [ngModel]="mapping()[field] ?? ''" (ngModelChange)="map(field, $event.trim())" autocomplete="off" [attr.data-testid]="'map-' + field" />
              }
            </mat-form-field>
          }
        </div>
        <button mat-flat-button type="button" [disabled]="!ready() || running()" (click)="start()" data-testid="import-start">{{ 'hotline.import.start' | translate }}</button>
      }
      @if (job(); as j) {
        <div class="progress" data-testid="import-progress" [attr.data-status]="j.status">
          <mat-progress-bar [mode]="j.totalRows ? 'determinate' : 'indeterminate'" [value]="j.totalRows ? (100 * j.processedRows) / j.totalRows : 0" [attr.aria-label]="'hotline.import.title' | translate" />
          @if (j.status === 'done') {
            <p>{{ 'hotline.import.done' | translate: { imported: (j.importedRows | number: '1.0-0' : locale()), rejected: (j.totalRows - j.importedRows | number: '1.0-0' : locale()) } }}</p>
          } @else if (j.status === 'failed') {
            <p class="error">{{ 'hotline.import.failed' | translate }}</p>
          } @else {
            <p>{{ 'hotline.import.progress' | translate: { processed: (j.processedRows | number: '1.0-0' : locale()), total: (j.totalRows | number: '1.0-0' : locale()) } }}</p>
          }
        </div>
        @if (j.rejected.length) {
          <h2>{{ 'hotline.import.rejectedTitle' | translate }}</h2>
          <table class="rejected" data-testid="import-rejected">
            <thead><tr><th>{{ 'hotline.import.row' | translate }}</th><th>{{ 'hotline.import.field' | translate }}</th><th>{{ 'hotline.import.reason' | translate }}</th></tr></thead>
            <tbody>
              @for (r of j.rejected.slice(0, 500); track $index) {
                <tr><td>{{ r.row }}</td><td>{{ 'hotline.import.fields.' + r.field | translate }}</td><td>{{ 'hotline.import.reasons.' + r.reason | translate }}</td></tr>
              }
            </tbody>
          </table>
        }
      }
    </section>
  `,
  styles: `
    .mapping { display: flex; flex-wrap: wrap; gap: 0 16px; }
    .mapping > * { flex: 1 1 220px; }
    .progress { margin: 16px 0; }
    .rejected { border-collapse: collapse; }
    .rejected th, .rejected td { text-align: left; padding: 4px 12px 4px 0; }
  `,
})
export class HotlineImportPage {
  private readonly api = inject(HotlineApi);
  private readonly language = inject(LanguageService);
  protected readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('file');
  protected readonly fields = HOTLINE_IMPORT_FIELDS;
  protected readonly required = REQUIRED;
  protected readonly fileName = signal('');
  protected readonly columns = signal<string[]>([]);
  protected readonly mapping = signal<Partial<Record<HotlineImportField, string>>>({});
  protected readonly job = signal<HotlineImportView | null>(null);
  protected readonly error = signal<ErrorMessage | null>(null);
  protected readonly ready = computed(() => REQUIRED.every((f) => !!this.mapping()[f]));
  protected readonly running = computed(() => ['pending', 'running'].includes(this.job()?.status ?? ''));
  protected readonly locale = computed(() => LOCALES[this.language.current()]);
  private file: File | null = null;
  private timer?: ReturnType<typeof setTimeout>;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  protected picked(): void {
    const file = this.fileInput().nativeElement.files?.[0];
    if (!file) return;
    this.file = file;
    this.fileName.set(file.name);
    this.job.set(null);
    // The header row only, to offer the columns (an XLSX header is read by the server; its columns are typed in).
    if (/\.csv$/i.test(file.name)) void file.slice(0, 65_536).text().then((head) => this.columns.set(csvHeader(head)));
    else this.columns.set([]);
  }

  protected map(field: HotlineImportField, column: string): void {
    this.mapping.update((m) => ({ ...m, [field]: column || undefined }));
  }

  protected start(): void {
    if (!this.file) return;
    this.error.set(null);
    const mapping = Object.fromEntries(Object.entries(this.mapping()).filter(([, c]) => !!c));
    this.api.startImport(this.file, mapping).subscribe({ next: (job) => this.follow(job), error: (e: unknown) => this.error.set(problemMessage(e)) });
  }

  private follow(job: HotlineImportView): void {
    this.job.set(job);
    if (!['pending', 'running'].includes(job.status)) return;
    this.timer = setTimeout(() => this.api.importStatus(job.id).subscribe({ next: (next) => this.follow(next), error: (e: unknown) => this.error.set(problemMessage(e)) }), 1000);
  }
}
