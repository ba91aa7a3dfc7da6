import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, inject, input, OnInit, signal, viewChild } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { CASE_DOCUMENT_KIND, CaseDocumentKind, CaseDocumentView } from '@ruta/shared';
import { CanDirective } from '../../core/auth/can.directive';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { Notifier } from '../../core/http/notifier';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { CaseRecordsApi } from '../case-records.api';
import { OptionLabelPipe } from '../option-label.pipe';
import { OptionSelect } from '../option-select';
import { checkDocumentFile } from './document-file';

/** Upload (PDF, JPEG, PNG up to 10 MB, checked here and on the server), list and download the case's documents. */
@Component({
  selector: 'ruta-documents-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, DecimalPipe, ReactiveFormsModule, MatButtonModule, MatIconModule, TranslatePipe, CanDirective, FormError, OptionLabelPipe, OptionSelect],
  template: `
    <h3 class="section-title">{{ 'documents.title' | translate }}</h3>
    <form class="filters" (submit)="$event.preventDefault(); upload()" *rutaCan="'documents:upload'" data-testid="document-form">
      <ruta-option-select [control]="kind" [list]="kinds" label="documents.kind" testId="document-kind" [required]="true" />
      <input #file type="file" class="cdk-visually-hidden" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" (change)="picked()" data-testid="document-file" [attr.aria-label]="'documents.choose' | translate" />
      <button mat-stroked-button type="button" (click)="file.click()"><mat-icon svgIcon="attach_file" />{{ 'documents.choose' | translate }}</button>
      <span class="muted" data-testid="document-file-name">{{ chosen()?.name ?? ('documents.limits' | translate) }}</span>
      <button mat-flat-button type="submit" [disabled]="busy() || !chosen()" data-testid="document-upload"><mat-icon svgIcon="upload" />{{ 'documents.upload' | translate }}</button>
    </form>
    <ruta-form-error [message]="error()" />
    <ul class="documents" data-testid="documents">
      @for (d of documents(); track d.id) {
        <li data-testid="document">
          <mat-icon [svgIcon]="d.contentType === 'application/pdf' ? 'picture_as_pdf' : 'image'" />
          <span data-testid="document-kind-label">{{ d.kind | rutaOption: kinds }}</span>
          <span class="muted">{{ d.sizeBytes / 1024 | number: '1.0-1' }} KB · {{ d.uploadedBy.name }} · {{ d.createdAt | date: 'medium' : undefined : locales[language.current()] }}</span>
          <a mat-button [href]="api.documentUrl(code(), d.id)" download [attr.data-testid]="'document-download-' + d.id"><mat-icon svgIcon="download" />{{ 'documents.download' | translate }}</a>
        </li>
      } @empty {
        <li class="muted">{{ 'documents.none' | translate }}</li>
      }
    </ul>
  `,
})
export class DocumentsPanel implements OnInit {
  protected readonly api = inject(CaseRecordsApi);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService);
  protected readonly locales = LOCALES;
  readonly code = input.required<string>();
  private readonly file = viewChild<ElementRef<HTMLInputElement>>('file');

  protected readonly kinds = CASE_DOCUMENT_KIND;
  protected readonly kind = new FormControl<string>('consent_form', { nonNullable: true });
  protected readonly documents = signal<CaseDocumentView[]>([]);
  protected readonly chosen = signal<File | null>(null);
  // Field errors (file type, size) have no control here: the first one becomes the form error.
  private readonly submission = new FormSubmission(this.kind, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  ngOnInit(): void {
    this.api.documents(this.code()).subscribe({ next: (list) => this.documents.set(list), error: () => undefined });
  }

  protected async picked(): Promise<void> {
    const file = this.file()?.nativeElement.files?.[0] ?? null;
    this.error.set(null);
    this.chosen.set(null);
    if (!file) return;
    const problem = await checkDocumentFile(file);
    if (problem) {
      this.error.set({ key: `errors.${problem}` });
      this.file()!.nativeElement.value = '';
      return;
    }
    this.chosen.set(file);
  }

  protected upload(): void {
    const file = this.chosen();
    if (!file) return;
    this.submission.submit(() => this.api.upload(this.code(), this.kind.value as CaseDocumentKind, file), {
      done: (document) => {
        this.documents.update((list) => [document, ...list]);
        this.chosen.set(null);
        this.file()!.nativeElement.value = '';
        this.notifier.info('documents.uploaded');
      },
    });
  }
}
