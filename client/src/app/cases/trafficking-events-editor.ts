import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { FormArray, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { TRAFFICKING_EVENT_KIND } from '@ruta/shared';
import { ErrorMessagePipe } from '../core/i18n/error-message.pipe';
import { CountrySelect } from './country-select';
import { OptionLabelPipe } from './option-label.pipe';
import { PlacePicker } from './place-picker';
import { buildEventGroup, COLOMBIA, EventGroup } from './trafficking-event-form';

/** The list of recruitment / transit / exploitation events, each with its place and dates. */
@Component({
  selector: 'ruta-trafficking-events-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatDatepickerModule, MatSelectModule, TranslatePipe, ErrorMessagePipe, OptionLabelPipe, CountrySelect, PlacePicker],
  template: `
    <fieldset class="events">
      <legend>{{ 'cases.events' | translate }}</legend>
      @for (event of events().controls; track event; let i = $index) {
        <div class="event-row" [formGroup]="event" [attr.data-testid]="'event-' + i">
          <mat-form-field>
            <mat-label>{{ 'cases.eventKind' | translate }}</mat-label>
            <mat-select formControlName="kind" [attr.data-testid]="'event-' + i + '-kind'">
              @for (k of kinds.values; track k) {
                <mat-option [value]="k" [attr.data-testid]="'event-' + i + '-kind-' + k">{{ k | rutaOption: kinds }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <ruta-country-select [control]="event.controls.countryCode" [testId]="'event-' + i + '-country'" />
          @if (event.controls.countryCode.value === colombia) {
            <ruta-place-picker [department]="event.controls.departmentCode" [municipality]="event.controls.municipalityCode" [testId]="'event-' + i" />
          } @else if (event.controls.countryCode.value) {
            <mat-form-field>
              <mat-label>{{ 'cases.city' | translate }}</mat-label>
              <input matInput formControlName="city" maxlength="120" autocomplete="off" [attr.data-testid]="'event-' + i + '-city'" />
              <mat-error>{{ event.controls.city.errors | rutaError }}</mat-error>
            </mat-form-field>
          }
          <mat-form-field>
            <mat-label>{{ 'cases.startedOn' | translate }}</mat-label>
            <input matInput [matDatepicker]="pickerStartedOn" formControlName="startedOn" [attr.data-testid]="'event-' + i + '-started'" [placeholder]="'cases.dateFormat' | translate" />
<mat-datepicker-toggle matIconSuffix [for]="pickerStartedOn" />
<mat-datepicker #pickerStartedOn />
            <mat-error>{{ event.controls.startedOn.errors | rutaError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'cases.endedOn' | translate }}</mat-label>
            <input matInput [matDatepicker]="pickerEndedOn" formControlName="endedOn" [attr.data-testid]="'event-' + i + '-ended'" [placeholder]="'cases.dateFormat' | translate" />
<mat-datepicker-toggle matIconSuffix [for]="pickerEndedOn" />
<mat-datepicker #pickerEndedOn />
            <mat-error>{{ event.controls.endedOn.errors | rutaError }}</mat-error>
          </mat-form-field>
          <button mat-icon-button type="button" (click)="remove(i)" [attr.aria-label]="'cases.removeEvent' | translate: { n: i + 1 }" [attr.data-testid]="'event-' + i + '-remove'">
            <mat-icon svgIcon="delete" />
          </button>
        </div>
      }
      <button mat-stroked-button type="button" (click)="add()" data-testid="event-add"><mat-icon svgIcon="add" />{{ 'cases.addEvent' | translate }}</button>
    </fieldset>
  `,
})
export class TraffickingEventsEditor {
  private readonly fb = inject(NonNullableFormBuilder);
  readonly events = input.required<FormArray<EventGroup>>();
  protected readonly kinds = TRAFFICKING_EVENT_KIND;
  protected readonly colombia = COLOMBIA;

  protected add(): void {
    this.events().push(buildEventGroup(this.fb));
    this.events().markAsDirty();
  }

  protected remove(index: number): void {
    this.events().removeAt(index);
    this.events().markAsDirty();
  }
}
