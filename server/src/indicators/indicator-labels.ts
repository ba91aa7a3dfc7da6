import { AGE_BAND, AreaFigureKey, CASE_SCOPE, EXPLOITATION_PURPOSE, IndicatorDimension, IndicatorKey, Labelled, REPORT_FIGURE, SERVICE_CATEGORY, SEX, UNKNOWN_BUCKET } from '@ruta/shared';
import { countryList } from '@ruta/places';

export type ReportLanguage = 'es' | 'en';

const DIMENSION_LISTS: Record<Exclude<IndicatorDimension, 'nationality'>, Labelled<string>> = {
  purpose: EXPLOITATION_PURPOSE,
  sex: SEX,
  age_band: AGE_BAND,
  scope: CASE_SCOPE,
  service_category: SERVICE_CATEGORY,
};

const UNKNOWN = { es: 'Sin información', en: 'Not recorded' };

export function indicatorLabel(key: IndicatorKey | AreaFigureKey, language: ReportLanguage): string {
  return REPORT_FIGURE.labels[key][language];
}

/** The label of a bucket in the report's language: an option's label, a country's name, never a bare code. */
export function bucketLabel(dimension: IndicatorDimension, bucket: string, language: ReportLanguage): string {
  if (bucket === UNKNOWN_BUCKET) return UNKNOWN[language];
  if (dimension === 'nationality') {
    const country = countryList().find((c) => c.code === bucket);
    return country ? (language === 'es' ? country.nameEs : country.nameEn) : bucket;
  }
  const labels = DIMENSION_LISTS[dimension].labels as Record<string, { es: string; en: string }>;
  return labels[bucket]?.[language] ?? bucket;
}
