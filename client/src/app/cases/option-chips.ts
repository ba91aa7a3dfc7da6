import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatChipListbox, MatChipOption } from '@angular/material/chips';
import { TranslatePipe } from '@ngx-translate/core';
import { Labelled } from '@ruta/shared';
import { OptionLabelPipe } from './option-label.pipe';

/**
 * A multi-select of a shared closed list as chips (a checklist): arrow keys move, space toggles.
 * Options get `data-testid="<testId>-<code>"`.
 */
@Component({
  selector: 'ruta-option-chips',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatChipListbox, MatChipOption, TranslatePipe, OptionLabelPipe],
  template: `
    <fieldset class="chips-field">
      <legend [id]="testId() + '-legend'">{{ label() | translate }}</legend>
      @if (hint()) {
        <p class="muted hint">{{ hint() | translate }}</p>
      }
      <mat-chip-listbox multiple [formControl]="control()" [attr.aria-labelledby]="testId() + '-legend'" [attr.data-testid]="testId()">
        @for (code of list().values; track code) {
          <mat-chip-option [value]="code" [attr.data-testid]="testId() + '-' + code">{{ code | rutaOption: list() }}</mat-chip-option>
        }
      </mat-chip-listbox>
    </fieldset>
  `,
})
export class OptionChips {
  readonly control = input.required<FormControl<string[]>>();
  readonly list = input.required<Labelled<string>>();
  readonly label = input.required<string>();
  readonly testId = input.required<string>();
  readonly hint = input('');
}
