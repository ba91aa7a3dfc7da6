import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { Labelled } from '@ruta/shared';
import { ErrorMessagePipe } from '../core/i18n/error-message.pipe';
import { OptionLabelPipe } from './option-label.pipe';

/**
 * One code of a shared closed list, with its labels in the interface language. Options get
 * `data-testid="<testId>-<code>"`. Optional lists offer an empty choice first.
 */
@Component({
  selector: 'ruta-option-select',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatSelectModule, TranslatePipe, ErrorMessagePipe, OptionLabelPipe],
  template: `
    <mat-form-field>
      <mat-label>{{ label() | translate }}</mat-label>
      <mat-select [formControl]="control()" [attr.data-testid]="testId()" [required]="required()">
        @if (!required()) {
          <mat-option value="">{{ 'common.notRecorded' | translate }}</mat-option>
        }
        @for (code of list().values; track code) {
          <mat-option [value]="code" [attr.data-testid]="testId() + '-' + code">{{ code | rutaOption: list() }}</mat-option>
        }
      </mat-select>
      @if (hint()) {
        <mat-hint>{{ hint() | translate }}</mat-hint>
      }
      <mat-error>{{ control().errors | rutaError }}</mat-error>
    </mat-form-field>
  `,
})
export class OptionSelect {
  readonly control = input.required<FormControl<string>>();
  readonly list = input.required<Labelled<string>>();
  readonly label = input.required<string>();
  readonly testId = input.required<string>();
  readonly required = input(false);
  readonly hint = input('');
}
