import { computed, inject, Pipe, PipeTransform, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { CountryView, DepartmentView, MunicipalityView, PlaceInput } from '@ruta/shared';
import { catchError, of } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { PlacesApi } from './places.api';

/**
 * A place by name, never by code: "Santiago de Cali, Valle del Cauca", "Antioquia" (department only), or a country
 * abroad with its city when known ("Madrid, España" / "Madrid, Spain"). Reads the reference lists once per session (PlacesApi); until they arrive it shows "…".
 */
@Pipe({ name: 'rutaPlace', pure: false })
export class PlaceNamePipe implements PipeTransform {
  private readonly api = inject(PlacesApi);
  private readonly language = inject(LanguageService);
  private readonly departments = toSignal(this.api.departments$.pipe(catchError(() => of([] as DepartmentView[]))), { initialValue: null });
  private readonly countries = toSignal(this.api.countries$.pipe(catchError(() => of([] as CountryView[]))), { initialValue: null });
  private readonly municipalities = signal<ReadonlyMap<string, MunicipalityView[]>>(new Map());
  private readonly requested = new Set<string>();
  private readonly departmentNames = computed(() => new Map((this.departments() ?? []).map((d) => [d.code, d.name])));
  private readonly countryNames = computed(() => new Map((this.countries() ?? []).map((c) => [c.code, c])));

  transform(place: Partial<PlaceInput> | null | undefined): string {
    if (!place) return '—';
    const municipality = place.municipalityCode || undefined;
    const department = place.departmentCode || municipality?.slice(0, 2);
    if (department) {
      const departmentName = this.departmentNames().get(department);
      if (!municipality) return departmentName ?? '…';
      const town = this.municipalitiesOf(department)?.find((m) => m.code === municipality)?.name;
      return town && departmentName ? `${town}, ${departmentName}` : '…';
    }
    if (!place.countryCode) return '—';
    if (!this.countries()) return '…';
    const country = this.countryNames().get(place.countryCode);
    if (!country) return '—';
    const name = this.language.current() === 'en' ? country.nameEn : country.nameEs;
    return place.city ? `${place.city}, ${name}` : name;
  }

  private municipalitiesOf(department: string): MunicipalityView[] | undefined {
    const known = this.municipalities().get(department);
    if (known || this.requested.has(department)) return known;
    this.requested.add(department);
    this.api
      .municipalities(department)
      .pipe(catchError(() => of([] as MunicipalityView[])))
      .subscribe((list) => this.municipalities.update((map) => new Map(map).set(department, list)));
    return undefined;
  }
}
