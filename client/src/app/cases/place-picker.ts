import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { DepartmentView, MunicipalityView } from '@ruta/shared';
import { catchError, of, startWith } from 'rxjs';
import { PlacesApi } from './places.api';

/** A Colombian place by DIVIPOLA: pick the department, then one of its municipalities (optional). */
@Component({
  selector: 'ruta-place-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatSelectModule, TranslatePipe],
  template: `
    <mat-form-field>
      <mat-label>{{ 'cases.department' | translate }}</mat-label>
      <mat-select [formControl]="department()" [attr.data-testid]="testId() + '-department'">
        <mat-option value="">{{ 'common.none' | translate }}</mat-option>
        @for (d of departments(); track d.code) {
          <mat-option [value]="d.code" [attr.data-testid]="testId() + '-department-' + d.code">{{ d.name }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ 'cases.municipality' | translate }}</mat-label>
      <mat-select [formControl]="municipality()" [attr.data-testid]="testId() + '-municipality'">
        <mat-option value="">{{ 'common.none' | translate }}</mat-option>
        @for (m of municipalities(); track m.code) {
          <mat-option [value]="m.code" [attr.data-testid]="testId() + '-municipality-' + m.code">{{ m.name }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
})
export class PlacePicker implements OnInit {
  private readonly places = inject(PlacesApi);
  private readonly destroyRef = inject(DestroyRef);
  readonly department = input.required<FormControl<string>>();
  readonly municipality = input.required<FormControl<string>>();
  readonly testId = input('place');

  protected readonly departments = toSignal(this.places.departments$.pipe(catchError(() => of([] as DepartmentView[]))), { initialValue: [] });
  protected readonly municipalities = signal<MunicipalityView[]>([]);

  ngOnInit(): void {
    const department = this.department();
    department.valueChanges.pipe(startWith(department.value), takeUntilDestroyed(this.destroyRef)).subscribe((code) => {
      const municipality = this.municipality();
      if (municipality.value && !municipality.value.startsWith(code)) municipality.setValue('');
      this.municipalities.set([]);
      if (!code) return;
      this.places.municipalities(code).subscribe({ next: (list) => this.municipalities.set(list), error: () => undefined });
    });
  }
}
