import { ChangeDetectionStrategy, Component, computed, inject, OnInit, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { CASE_STATUS, CaseSort, CaseStatus, EXPLOITATION_PURPOSE, ExploitationPurpose, InstitutionView, SavedCaseFilters } from '@ruta/shared';
import { catchError, of } from 'rxjs';
import { InstitutionsApi } from '../../admin/institutions/institutions.api';
import { CanDirective } from '../../core/auth/can.directive';
import { OptionLabelPipe } from '../option-label.pipe';
import { PlacesApi } from '../places.api';
import { CaseFilterValue, CaseSearchCriteria, EMPTY_CASE_FILTERS, fromSavedFilters, toCaseSearch, toSavedFilters } from './case-search-filters';
import { SavedSearches } from './saved-searches';

/** The case list's filters. Name and document number need identity permission and are never saved. */
@Component({
  selector: 'ruta-case-filters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatSelectModule,
    MatCheckboxModule,
    MatButtonModule,
    MatIconModule,
    TranslatePipe,
    CanDirective,
    OptionLabelPipe,
    SavedSearches,
  ],
  templateUrl: './case-filters.html',
})
export class CaseFilters implements OnInit {
  private readonly institutionsApi = inject(InstitutionsApi);
  readonly changed = output<CaseSearchCriteria>();

  protected readonly statuses = CASE_STATUS;
  protected readonly purposes = EXPLOITATION_PURPOSE;
  /** The second row of filters opens on demand, so the results start right under one row. */
  protected readonly moreOpen = signal(false);
  protected readonly departments = toSignal(inject(PlacesApi).departments$.pipe(catchError(() => of([]))), { initialValue: [] });
  protected readonly institutions = signal<InstitutionView[]>([]);
  protected readonly saved = signal<SavedCaseFilters>(toSavedFilters(EMPTY_CASE_FILTERS));

  protected readonly form = inject(NonNullableFormBuilder).group({
    code: [''],
    name: [''],
    documentNumber: [''],
    status: [[] as CaseStatus[]],
    institutionId: [[] as string[]],
    purpose: [[] as ExploitationPurpose[]],
    departmentCode: [''],
    minor: ['' as CaseFilterValue['minor']],
    assignedToMe: [false],
    identifiedFrom: [''],
    identifiedTo: [''],
    createdFrom: [''],
    createdTo: [''],
    sort: ['created_desc' as CaseSort],
  });

  /** How many of the filters behind "more filters" are in use (shown on the button while it is closed). */
  protected readonly extraInUse = computed(() => {
    const v = this.saved();
    return [v.institutionId?.length, v.purpose?.length, v.departmentCode, v.minor !== undefined, v.assignedToMe, v.identifiedFrom, v.identifiedTo, v.createdFrom, v.createdTo].filter(Boolean).length;
  });

  ngOnInit(): void {
    // Without institutions:read the institution filter stays empty; the others still work.
    this.institutionsApi.list().subscribe({ next: (list) => this.institutions.set(list), error: () => undefined });
    this.form.valueChanges.subscribe(() => this.saved.set(toSavedFilters(this.form.getRawValue())));
  }

  protected apply(): void {
    this.changed.emit(toCaseSearch(this.form.getRawValue()));
  }

  /** A column header's sort: kept in the form (a saved search keeps it too) and applied at once. */
  sortBy(sort: CaseSort): void {
    this.form.controls.sort.setValue(sort);
    this.apply();
  }

  clear(): void {
    this.form.reset(EMPTY_CASE_FILTERS);
    this.apply();
  }

  protected applySaved(filters: SavedCaseFilters): void {
    this.form.reset(fromSavedFilters(filters));
    this.apply();
  }
}
