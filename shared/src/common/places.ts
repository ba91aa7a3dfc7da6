/** A place: a Colombian municipality (DIVIPOLA) or, abroad, a country (ISO 3166-1 alpha-2). */
export interface PlaceInput {
  countryCode: string;
  /** Only in Colombia (countryCode CO): the 5-digit DIVIPOLA municipality code; the department follows from it. */
  municipalityCode?: string;
  /** Only in Colombia, when the municipality is unknown: the 2-digit department code. */
  departmentCode?: string;
  /** Only abroad: the city as free text ("Madrid"); in Colombia the municipality says it. */
  city?: string;
}

export interface DepartmentView {
  code: string;
  name: string;
}

export interface MunicipalityView {
  code: string;
  name: string;
  departmentCode: string;
}

export interface CountryView {
  code: string;
  nameEs: string;
  nameEn: string;
}
