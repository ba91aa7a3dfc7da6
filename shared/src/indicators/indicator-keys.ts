import { Labelled, labelled, OptionOf } from '../common/labelled';

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

/**
 * The annual report's figures from the other areas, each from that area's one definition: victims assisted
 * (AssistanceCountsService), the justice indicators (JusticeIndicatorsService), the hotline's statistics
 * (HotlineStatsService). The TIP report and UNODC's questionnaire ask for them beside victims and referrals.
 */
export const AREA_FIGURE = /*#__PURE__*/ labelled({
  victims_assisted: ['Víctimas asistidas', 'Victims assisted'],
  assisted_immediate: ['Víctimas en asistencia inmediata', 'Victims in immediate assistance'],
  assisted_medium_term: ['Víctimas en asistencia mediata', 'Victims in medium-term assistance'],
  assisted_by_service: ['Víctimas asistidas por tipo de servicio', 'Victims assisted by type of service'],
  investigations_opened: ['Investigaciones iniciadas (noticias criminales)', 'Investigations opened'],
  persons_charged: ['Personas imputadas', 'Persons charged'],
  persons_accused: ['Personas acusadas', 'Persons prosecuted (indicted)'],
  persons_convicted: ['Personas condenadas', 'Persons convicted'],
  persons_acquitted: ['Personas absueltas', 'Persons acquitted'],
  victims_in_proceedings: ['Víctimas vinculadas a procesos penales', 'Victims involved in criminal proceedings'],
  average_months_to_sentence: ['Meses promedio de la noticia criminal a la sentencia', 'Average months from report to sentence'],
  average_sentence_months: ['Pena de prisión promedio (meses)', 'Average prison sentence (months)'],
  hotline_contacts: ['Contactos a la línea nacional', 'National hotline contacts'],
  hotline_tips: ['Contactos convertidos en denuncias a autoridades', 'Contacts turned into tips to the authorities'],
  hotline_referrals: ['Contactos remitidos a asistencia', 'Contacts referred for assistance'],
  hotline_cases: ['Contactos convertidos en casos', 'Contacts turned into cases'],
});
export type AreaFigureKey = OptionOf<typeof AREA_FIGURE>;

/** Every line of the annual report by its label: the registry's indicators, then the other areas' figures. */
export const REPORT_FIGURE: Labelled<IndicatorKey | AreaFigureKey> = /*#__PURE__*/ (() => ({
  values: [...INDICATOR.values, ...AREA_FIGURE.values],
  labels: { ...INDICATOR.labels, ...AREA_FIGURE.labels },
}))();

/** What the buckets of a broken-down indicator are: the option list that labels them. */
export const INDICATOR_DIMENSION = /*#__PURE__*/ labelled({
  purpose: ['Finalidad de explotación', 'Purpose of exploitation'],
  sex: ['Sexo', 'Sex'],
  age_band: ['Rango de edad', 'Age band'],
  nationality: ['Nacionalidad', 'Nationality'],
  scope: ['Trata interna o externa', 'Internal or international'],
  service_category: ['Tipo de servicio', 'Type of service'],
});
export type IndicatorDimension = OptionOf<typeof INDICATOR_DIMENSION>;

/** The bucket of a value the case does not record (no sex, no nationality, no age band). */
export const UNKNOWN_BUCKET = 'unknown';
