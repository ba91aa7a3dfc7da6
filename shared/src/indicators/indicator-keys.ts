import { labelled, OptionOf } from '../common/labelled';

/**
 * Every indicator Ruta computes, one definition each on the server (server/src/indicators/definitions), documented in
 * the README's indicator glossary. Areas that come later (assistance, prosecutions, hotline) add theirs here and
 * register a provider; the annual report and the dashboard pick them up by key.
 */
export const INDICATOR = /*#__PURE__*/ labelled({
  victims_identified: ['Víctimas identificadas', 'Victims identified'],
  victims_by_purpose: ['Víctimas por finalidad de explotación', 'Victims by purpose of exploitation'],
  victims_by_sex: ['Víctimas por sexo', 'Victims by sex'],
  victims_by_age_band: ['Víctimas por rango de edad', 'Victims by age band'],
  victims_by_nationality: ['Víctimas por nacionalidad', 'Victims by nationality'],
  victims_by_scope: ['Víctimas de trata interna y externa', 'Victims of internal and international trafficking'],
  victims_minors: ['Víctimas menores de edad', 'Child victims'],
  referrals_sent: ['Remisiones enviadas', 'Referrals sent'],
  referrals_accepted: ['Remisiones aceptadas', 'Referrals accepted'],
  referrals_completed: ['Remisiones completadas', 'Referrals completed'],
  referrals_overdue: ['Remisiones vencidas', 'Referrals overdue'],
  referrals_median_response_hours: ['Mediana de horas hasta la aceptación', 'Median hours to acceptance'],
});
export type IndicatorKey = OptionOf<typeof INDICATOR>;

/** What the buckets of a broken-down indicator are: the option list that labels them. */
export const INDICATOR_DIMENSION = /*#__PURE__*/ labelled({
  purpose: ['Finalidad de explotación', 'Purpose of exploitation'],
  sex: ['Sexo', 'Sex'],
  age_band: ['Rango de edad', 'Age band'],
  nationality: ['Nacionalidad', 'Nationality'],
  scope: ['Trata interna o externa', 'Internal or international'],
});
export type IndicatorDimension = OptionOf<typeof INDICATOR_DIMENSION>;

/** The bucket of a value the case does not record (no sex, no nationality, no age band). */
export const UNKNOWN_BUCKET = 'unknown';
