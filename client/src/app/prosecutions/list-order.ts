import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { LIST_ORDER, ListOrder } from '@ruta/shared';

/** The order of a list, chosen by the user and applied on the server: by date (newest or oldest first) or by name. */
@Component({
  selector: 'ruta-list-order',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatFormFieldModule, MatSelectModule, TranslatePipe],
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ 'prosecutions.order.label' | translate }}</mat-label>
      <mat-select [ngModel]="order()" (ngModelChange)="order.set($event)" [attr.data-testid]="testId()">
        @for (o of orders; track o) {
          <mat-option [value]="o" [attr.data-testid]="testId() + '-' + o">{{ 'prosecutions.order.' + by() + '.' + o | translate }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
})
export class ListOrderSelect {
  readonly by = input.required<'date' | 'name'>();
  readonly testId = input.required<string>();
  readonly order = model.required<ListOrder>();
  protected readonly orders = LIST_ORDER.values;
}
