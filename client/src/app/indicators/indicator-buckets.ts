import { AGE_BAND, CASE_SCOPE, EXPLOITATION_PURPOSE, IndicatorDimension, Labelled, SERVICE_CATEGORY, SEX } from '@ruta/shared';

/** The option list that labels a dimension's buckets; nationality buckets are countries (the rutaCountry pipe). */
export const DIMENSION_OPTIONS: Record<Exclude<IndicatorDimension, 'nationality'>, Labelled<string>> = {
  purpose: EXPLOITATION_PURPOSE,
  sex: SEX,
  age_band: AGE_BAND,
  scope: CASE_SCOPE,
  service_category: SERVICE_CATEGORY,
};

/** Years the dashboard offers: this one back to 2003 (the hotline's first year). */
export function reportYears(now = new Date()): number[] {
  const years: number[] = [];
  for (let y = now.getFullYear(); y >= 2003; y -= 1) years.push(y);
  return years;
}
