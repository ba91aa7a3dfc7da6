import { labelled, OptionOf } from '../common/labelled';

export const SEX = labelled({
  female: ['Mujer', 'Female'],
  male: ['Hombre', 'Male'],
  intersex: ['Intersexual', 'Intersex'],
  unknown: ['Sin información', 'Unknown'],
});
export type Sex = OptionOf<typeof SEX>;

export const GENDER_IDENTITY = labelled({
  woman: ['Mujer', 'Woman'],
  man: ['Hombre', 'Man'],
  trans_woman: ['Mujer trans', 'Trans woman'],
  trans_man: ['Hombre trans', 'Trans man'],
  non_binary: ['No binario', 'Non-binary'],
  other: ['Otra', 'Other'],
  prefers_not_to_say: ['Prefiere no decir', 'Prefers not to say'],
});
export type GenderIdentity = OptionOf<typeof GENDER_IDENTITY>;

export const DOCUMENT_TYPE = labelled({
  cedula: ['Cédula de ciudadanía', 'Citizenship card (cédula)'],
  tarjeta_identidad: ['Tarjeta de identidad', 'Identity card (minors)'],
  cedula_extranjeria: ['Cédula de extranjería', 'Foreigner ID card'],
  passport: ['Pasaporte', 'Passport'],
  pep_ppt: ['PEP / PPT', 'PEP / PPT permit'],
  none: ['Sin documento', 'No document'],
});
export type DocumentType = OptionOf<typeof DOCUMENT_TYPE>;

/** Enfoque diferencial: ethnicity. */
export const ETHNICITY = labelled({
  indigena: ['Indígena', 'Indigenous'],
  afrocolombiano: ['Afrocolombiano(a)', 'Afro-Colombian'],
  raizal: ['Raizal', 'Raizal'],
  palenquero: ['Palenquero(a)', 'Palenquero'],
  rrom: ['Rrom (gitano)', 'Rrom (Roma)'],
  none: ['Ninguna', 'None'],
});
export type Ethnicity = OptionOf<typeof ETHNICITY>;

export const DISABILITY = labelled({
  none: ['Ninguna', 'None'],
  physical: ['Física', 'Physical'],
  sensory: ['Sensorial', 'Sensory'],
  intellectual: ['Intelectual', 'Intellectual'],
  psychosocial: ['Psicosocial', 'Psychosocial'],
  multiple: ['Múltiple', 'Multiple'],
});
export type Disability = OptionOf<typeof DISABILITY>;

export const MIGRATION_STATUS = labelled({
  national: ['Nacional colombiano(a)', 'Colombian national'],
  regular_migrant: ['Migrante regular', 'Regular migrant'],
  irregular_migrant: ['Migrante irregular', 'Irregular migrant'],
  asylum_seeker: ['Solicitante de asilo', 'Asylum seeker'],
  refugee: ['Refugiado(a)', 'Refugee'],
  stateless: ['Apátrida', 'Stateless'],
  idp: ['Desplazado(a) interno(a)', 'Internally displaced'],
  unaccompanied_child: ['Niño(a) no acompañado(a) o separado(a)', 'Separated or unaccompanied child'],
  returnee: ['Retornado(a)', 'Returnee'],
});
export type MigrationStatus = OptionOf<typeof MIGRATION_STATUS>;
