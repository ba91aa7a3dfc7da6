import { labelled, OptionOf } from '../common/labelled';

/** Colombian Penal Code art. 188A purposes of exploitation, mapped to HTCDS/CTDC types. */
export const EXPLOITATION_PURPOSE = labelled({
  sexual_exploitation: ['Explotación sexual', 'Sexual exploitation'],
  forced_labour: ['Trabajos o servicios forzados', 'Forced labour'],
  slavery: ['Esclavitud o prácticas análogas', 'Slavery and similar practices'],
  servitude: ['Servidumbre (incl. doméstica)', 'Servitude (incl. domestic)'],
  forced_begging: ['Mendicidad ajena', 'Forced begging'],
  servile_marriage: ['Matrimonio servil', 'Servile marriage'],
  organ_removal: ['Extracción de órganos', 'Organ removal'],
  sex_tourism: ['Turismo sexual', 'Sex tourism'],
  forced_recruitment: ['Reclutamiento forzado por grupos armados', 'Forced recruitment by armed groups'],
  other: ['Otra forma de explotación', 'Other'],
});
export type ExploitationPurpose = OptionOf<typeof EXPLOITATION_PURPOSE>;

/** CTDC labour sectors. */
export const LABOUR_SECTOR = labelled({
  agriculture: ['Agricultura', 'Agriculture'],
  aquafarming: ['Pesca y acuicultura', 'Aquafarming'],
  begging: ['Mendicidad', 'Begging'],
  construction: ['Construcción', 'Construction'],
  domestic_work: ['Trabajo doméstico', 'Domestic work'],
  hospitality: ['Hotelería y restaurantes', 'Hospitality'],
  illicit_activities: ['Actividades ilícitas', 'Illicit activities'],
  manufacturing: ['Manufactura', 'Manufacturing'],
  mining_or_drilling: ['Minería o perforación', 'Mining or drilling'],
  peddling: ['Ventas ambulantes', 'Peddling'],
  transportation: ['Transporte', 'Transportation'],
  other: ['Otro', 'Other'],
});
export type LabourSector = OptionOf<typeof LABOUR_SECTOR>;

export const SEXUAL_EXPLOITATION_TYPE = labelled({
  prostitution: ['Prostitución ajena', 'Prostitution'],
  pornography: ['Pornografía', 'Pornography'],
  sex_tourism: ['Turismo sexual', 'Sex tourism'],
  online: ['Explotación en línea (webcam)', 'Online (webcam)'],
  other: ['Otro', 'Other'],
});
export type SexualExploitationType = OptionOf<typeof SEXUAL_EXPLOITATION_TYPE>;

/** CTDC means of control. Recorded for comparability; Colombian law (188A) never requires them. */
export const MEANS_OF_CONTROL = labelled({
  debt_bondage: ['Servidumbre por deudas', 'Debt bondage'],
  takes_earnings: ['Retiene las ganancias', 'Takes earnings'],
  restricts_financial_access: ['Restringe el acceso financiero', 'Restricts financial access'],
  threats: ['Amenazas', 'Threats'],
  psychological_abuse: ['Abuso psicológico', 'Psychological abuse'],
  physical_abuse: ['Abuso físico', 'Physical abuse'],
  sexual_abuse: ['Abuso sexual', 'Sexual abuse'],
  false_promises: ['Falsas promesas', 'False promises'],
  psychoactive_substances: ['Sustancias psicoactivas', 'Psychoactive substances'],
  restricts_movement: ['Restringe la movilidad', 'Restricts movement'],
  restricts_medical_care: ['Restringe la atención médica', 'Restricts medical care'],
  excessive_working_hours: ['Jornadas excesivas', 'Excessive working hours'],
  uses_children: ['Utiliza a niños', 'Uses children'],
  threat_of_law_enforcement: ['Amenaza con las autoridades', 'Threat of law enforcement'],
  withholds_necessities: ['Priva de lo necesario', 'Withholds necessities'],
  withholds_documents: ['Retiene documentos', 'Withholds documents'],
  other: ['Otro', 'Other'],
});
export type MeansOfControl = OptionOf<typeof MEANS_OF_CONTROL>;

export const RECRUITER_RELATION = labelled({
  intimate_partner: ['Pareja', 'Intimate partner'],
  friend: ['Amistad', 'Friend'],
  family: ['Familiar', 'Family'],
  other: ['Otro', 'Other'],
  unknown: ['Desconocido', 'Unknown'],
});
export type RecruiterRelation = OptionOf<typeof RECRUITER_RELATION>;

export const RECRUITMENT_METHOD = labelled({
  job_offer: ['Oferta de empleo', 'Job offer'],
  study_offer: ['Oferta de estudio', 'Study offer'],
  romantic_relationship: ['Relación sentimental', 'Romantic relationship'],
  online: ['Redes sociales o internet', 'Online / social media'],
  agency: ['Agencia de empleo o modelaje', 'Employment or modelling agency'],
  abduction: ['Secuestro o rapto', 'Abduction'],
  family_arrangement: ['Acuerdo familiar', 'Family arrangement'],
  other: ['Otro', 'Other'],
});
export type RecruitmentMethod = OptionOf<typeof RECRUITMENT_METHOD>;

export const TRAFFICKING_EVENT_KIND = labelled({
  recruitment: ['Captación', 'Recruitment'],
  transit: ['Traslado', 'Transit'],
  exploitation: ['Explotación', 'Exploitation'],
});
export type TraffickingEventKind = OptionOf<typeof TRAFFICKING_EVENT_KIND>;
