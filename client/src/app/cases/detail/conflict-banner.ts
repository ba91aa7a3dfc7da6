import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { caseFieldNames } from '../field-names.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import { StaleConflict } from './stale-version';

/** Someone else saved the case first: what they changed, and how to go on without losing the user's edit. */
@Component({
  selector: 'ruta-conflict-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    <div class="conflict" role="alert" data-testid="conflict-banner">
      <p><mat-icon svgIcon="sync_problem" />{{ 'conflict.title' | translate: { version: conflict().currentVersion ?? '?' } }}</p>
      @if (conflict().fields.length) {
        <p>{{ 'conflict.fields' | translate }} <strong data-testid="conflict-fields">{{ fieldNames() }}</strong></p>
      }
      <p class="muted">{{ 'conflict.advice' | translate }}</p>
      <div class="actions">
        <button mat-flat-button type="button" (click)="reapply.emit()" data-testid="conflict-reload">{{ 'conflict.reload' | translate }}</button>
        <button mat-button type="button" (click)="discard.emit()" data-testid="conflict-discard">{{ 'conflict.discard' | translate }}</button>
      </div>
    </div>
  `,
})
export class ConflictBanner {
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);
  readonly conflict = input.required<StaleConflict>();
  /** Reload the case and keep the user's changes in the form, to save them again. */
  readonly reapply = output<void>();
  /** Reload the case and drop the user's changes. */
  readonly discard = output<void>();

  protected fieldNames(): string {
    this.language.current();
    return caseFieldNames(this.conflict().fields, this.translate);
  }
}
