import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, OnInit, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { OperationView, TraffickerListItem } from '@ruta/shared';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { ProsecutionErrorPipe } from '../prosecution-error.pipe';
import { ProsecutionsApi } from '../prosecutions.api';

/** Links an alleged trafficker already on file (found by name) to the operation, arrested in it or only identified. */
@Component({
  selector: 'ruta-link-trafficker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ProsecutionErrorPipe, ReactiveFormsModule, MatAutocompleteModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorMessagePipe, FormError],
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate class="row" data-testid="link-trafficker">
      <mat-form-field>
        <mat-label>{{ 'prosecutions.linkTraffickerSearch' | translate }}</mat-label>
        <input matInput [formControl]="text" [matAutocomplete]="auto" autocomplete="off" data-testid="link-trafficker-search" />
        <mat-autocomplete #auto="matAutocomplete" autoActiveFirstOption (optionSelected)="pick($event.option.value)" [displayWith]="nameOf">
          @for (t of results(); track t.id) {
            <mat-option [value]="t" [attr.data-testid]="'link-trafficker-option-' + t.id">{{ t.name }}</mat-option>
          }
        </mat-autocomplete>
        <mat-error>{{ form.controls.traffickerId.errors | rutaProsecutionError | rutaError }}</mat-error>
      </mat-form-field>
      <mat-checkbox formControlName="arrested" data-testid="link-trafficker-arrested">{{ 'prosecutions.arrestedInOperation' | translate }}</mat-checkbox>
      <ruta-form-error [message]="error() | rutaProsecutionError" />
      <button mat-flat-button type="submit" [disabled]="busy()" data-testid="link-trafficker-save">{{ 'prosecutions.linkTrafficker' | translate }}</button>
    </form>
  `,
  styles: `
    .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
    .row > mat-form-field { flex: 1 1 14rem; min-width: 0; }
    @media (max-width: 599px) { .row { flex-direction: column; align-items: stretch; } .row > mat-form-field { flex: 0 0 auto; } }
  `,
})
export class LinkTrafficker implements OnInit {
  readonly operationId = input.required<string>();
  readonly linked = output<OperationView>();
  private readonly api = inject(ProsecutionsApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly text = new FormControl<string | TraffickerListItem>('', { nonNullable: true });
  protected readonly results = signal<TraffickerListItem[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    traffickerId: ['', [Validators.required]],
    arrested: [false],
  });
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;
  protected readonly nameOf = (value: TraffickerListItem | string | null): string => (typeof value === 'string' ? value : (value?.name ?? ''));

  ngOnInit(): void {
    this.text.valueChanges
      .pipe(
        map((value) => (typeof value === 'string' ? value.trim() : null)),
        debounceTime(250),
        distinctUntilChanged(),
        switchMap((q) => (q && q.length >= 2 ? this.api.traffickers({ q, limit: 8 }).pipe(map((page) => page.items), catchError(() => of([]))) : of([]))),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((items) => this.results.set(items));
    this.text.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((value) => {
      if (typeof value === 'string') this.form.controls.traffickerId.setValue('');
    });
  }

  protected pick(t: TraffickerListItem): void {
    this.form.controls.traffickerId.setValue(t.id);
  }

  protected save(): void {
    const v = this.form.getRawValue();
    this.submission.submit(() => this.api.linkOperationTrafficker(this.operationId(), { traffickerId: v.traffickerId, arrested: v.arrested }), {
      done: (view) => {
        this.form.reset({ traffickerId: '', arrested: false });
        this.text.setValue('');
        this.linked.emit(view);
      },
    });
  }
}
