import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { CaseNoteView } from '@ruta/shared';
import { CanDirective } from '../../core/auth/can.directive';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { CaseRecordsApi } from '../case-records.api';

/** The case's notes; a restricted note is visible only inside its author's institution. */
@Component({
  selector: 'ruta-notes-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslatePipe, ErrorMessagePipe, CanDirective, FormError],
  template: `
    <h3 class="section-title">{{ 'notes.title' | translate }}</h3>
    <form class="stack" [formGroup]="form" (ngSubmit)="add()" *rutaCan="'notes:create'" data-testid="note-form">
      <mat-form-field>
        <mat-label>{{ 'notes.body' | translate }}</mat-label>
        <textarea matInput formControlName="body" rows="3" data-testid="note-body"></textarea>
        <mat-error>{{ form.controls.body.errors | rutaError }}</mat-error>
      </mat-form-field>
      <mat-checkbox formControlName="restricted" data-testid="note-restricted">{{ 'notes.restricted' | translate }}</mat-checkbox>
      <ruta-form-error [message]="error()" />
      <div class="actions">
        <button mat-stroked-button type="submit" [disabled]="busy()" data-testid="note-add"><mat-icon svgIcon="note_add" />{{ 'notes.add' | translate }}</button>
      </div>
    </form>
    <ul class="notes" data-testid="notes">
      @for (n of notes(); track n.id) {
        <li data-testid="note">
          <p class="muted">
            {{ n.author.name }} · {{ n.authorInstitution.name }} · {{ n.createdAt | date: 'medium' : undefined : locales[language.current()] }}
            @if (n.restricted) {
              <span class="tag"><mat-icon inline svgIcon="lock" />{{ 'notes.restrictedTag' | translate }}</span>
            }
          </p>
          <p class="note-body">{{ n.body }}</p>
        </li>
      } @empty {
        <li class="muted">{{ 'notes.none' | translate }}</li>
      }
    </ul>
  `,
})
export class NotesPanel implements OnInit {
  private readonly api = inject(CaseRecordsApi);
  protected readonly language = inject(LanguageService);
  protected readonly locales = LOCALES;
  readonly code = input.required<string>();
  protected readonly notes = signal<CaseNoteView[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    body: ['', [Validators.required, Validators.maxLength(20000)]],
    restricted: [false],
  });
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  ngOnInit(): void {
    this.api.notes(this.code()).subscribe({ next: (list) => this.notes.set(list), error: () => undefined });
  }

  protected add(): void {
    if (!this.form.controls.body.value.trim()) {
      // Only spaces pass `required` but make no note: not sent.
      this.form.markAllAsTouched();
      return;
    }
    const { body, restricted } = this.form.getRawValue();
    this.submission.submit(() => this.api.addNote(this.code(), { body: body.trim(), restricted }), {
      done: (list) => {
        this.notes.set(list);
        this.form.reset();
      },
    });
  }
}
