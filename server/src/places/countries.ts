import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import { CountryView } from '@ruta/shared';

countries.registerLocale(es);
countries.registerLocale(en);

let cached: CountryView[] | undefined;

/** ISO 3166-1 countries with Spanish and English names, sorted by the Spanish name. */
export function countryList(): CountryView[] {
  cached ??= Object.keys(countries.getAlpha2Codes())
    .map((code) => ({ code, nameEs: countries.getName(code, 'es') ?? code, nameEn: countries.getName(code, 'en') ?? code }))
    .sort((a, b) => a.nameEs.localeCompare(b.nameEs, 'es'));
  return cached;
}

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}
