import { Injectable } from '@nestjs/common';
import { CountryView, DepartmentView, FieldError, MunicipalityView } from '@ruta/shared';
import { NotFoundError } from '@ruta/platform';
import { countryList, isCountryCode } from './countries';
import { PlacesRepository } from './places.repository';

/** A place as intake and events give it: a country, and in Colombia a department and/or municipality. */
export interface PlaceReference {
  field: string;
  countryCode?: string | null;
  departmentCode?: string | null;
  municipalityCode?: string | null;
  /** Only abroad: the city, as free text (Madrid). */
  city?: string | null;
}

@Injectable()
export class PlacesService {
  constructor(private readonly places: PlacesRepository) {}

  async departments(): Promise<DepartmentView[]> {
    return (await this.places.departments()).map((p) => ({ code: p.code, name: p.name }));
  }

  async municipalities(departmentCode: string): Promise<MunicipalityView[]> {
    const rows = await this.places.municipalities(departmentCode);
    if (!rows.length) throw new NotFoundError('department');
    return rows.map((p) => ({ code: p.code, name: p.name, departmentCode: p.departmentCode! }));
  }

  async allMunicipalities(): Promise<MunicipalityView[]> {
    return (await this.places.allMunicipalities()).map((p) => ({ code: p.code, name: p.name, departmentCode: p.departmentCode! }));
  }

  countries(): CountryView[] {
    return countryList();
  }

  /**
   * Field errors for places that do not exist: unknown DIVIPOLA codes, a municipality outside its department,
   * a Colombian code on a foreign place, an unknown country. Fills in the department of a municipality.
   */
  async check(references: PlaceReference[]): Promise<FieldError[]> {
    const codes = references.flatMap((r) => [r.departmentCode, r.municipalityCode]).filter((c): c is string => !!c);
    const known = new Map((await this.places.findByCodes(codes)).map((p) => [p.code, p]));
    const errors: FieldError[] = [];
    for (const ref of references) {
      if (ref.countryCode != null && !isCountryCode(ref.countryCode)) {
        errors.push({ field: `${ref.field}.countryCode`, code: 'invalid_country', message: `${ref.field}.countryCode must be an ISO 3166-1 alpha-2 code` });
        continue;
      }
      const abroad = ref.countryCode != null && ref.countryCode !== 'CO';
      if (!abroad && ref.city) {
        errors.push({ field: `${ref.field}.city`, code: 'only_abroad', message: 'a city is given only for a place abroad; in Colombia pick the municipality' });
        continue;
      }
      if (abroad && (ref.departmentCode || ref.municipalityCode)) {
        errors.push({ field: `${ref.field}.departmentCode`, code: 'not_in_colombia', message: 'DIVIPOLA codes apply only to places in Colombia' });
        continue;
      }
      const department = ref.departmentCode ? known.get(ref.departmentCode) : undefined;
      if (ref.departmentCode && department?.kind !== 'department') {
        errors.push({ field: `${ref.field}.departmentCode`, code: 'invalid_divipola', message: `${ref.field}.departmentCode is not a DIVIPOLA department code` });
      }
      const municipality = ref.municipalityCode ? known.get(ref.municipalityCode) : undefined;
      if (ref.municipalityCode && municipality?.kind !== 'municipality') {
        errors.push({ field: `${ref.field}.municipalityCode`, code: 'invalid_divipola', message: `${ref.field}.municipalityCode is not a DIVIPOLA municipality code` });
      } else if (municipality && ref.departmentCode && municipality.departmentCode !== ref.departmentCode) {
        errors.push({ field: `${ref.field}.municipalityCode`, code: 'department_mismatch', message: `${ref.field}.municipalityCode is not in that department` });
      } else if (municipality) {
        ref.departmentCode = municipality.departmentCode;
      }
    }
    return errors;
  }
}
