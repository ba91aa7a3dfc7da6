export const INSTITUTION_TYPES = [
  'ministry',
  'security',
  'police',
  'prosecution',
  'oversight',
  'child_welfare',
  'ombudsman',
  'international_police',
  'financial_intelligence',
  'presidential_office',
  'international_organisation',
  'ngo',
  'health',
  'territorial_committee',
  'shelter',
  'other',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

export interface InstitutionSeed {
  code: string;
  name: string;
  type: InstitutionType;
}

/** The 14 institutions of the inter-institutional committee (DOMAIN.md). Institutions are data: admins add more. */
export const SEED_INSTITUTIONS: readonly InstitutionSeed[] = [
  { code: 'mininterior', name: 'Ministerio del Interior y de Justicia', type: 'ministry' },
  { code: 'cancilleria', name: 'Ministerio de Relaciones Exteriores', type: 'ministry' },
  { code: 'minproteccion', name: 'Ministerio de la Protección Social', type: 'ministry' },
  { code: 'mineducacion', name: 'Ministerio de Educación Nacional', type: 'ministry' },
  { code: 'das', name: 'Departamento Administrativo de Seguridad (DAS)', type: 'security' },
  { code: 'policia', name: 'Policía Nacional', type: 'police' },
  { code: 'fiscalia', name: 'Fiscalía General de la Nación', type: 'prosecution' },
  { code: 'procuraduria', name: 'Procuraduría General de la Nación', type: 'oversight' },
  { code: 'icbf', name: 'Instituto Colombiano de Bienestar Familiar (ICBF)', type: 'child_welfare' },
  { code: 'defensoria', name: 'Defensoría del Pueblo', type: 'ombudsman' },
  { code: 'interpol', name: 'Oficina Central Nacional de Interpol en Colombia', type: 'international_police' },
  { code: 'uiaf', name: 'Unidad de Información y Análisis Financiero (UIAF)', type: 'financial_intelligence' },
  {
    code: 'equidadmujer',
    name: 'Consejería Presidencial para la Equidad de la Mujer',
    type: 'presidential_office',
  },
  { code: 'oim', name: 'Organización Internacional para las Migraciones (OIM)', type: 'international_organisation' },
];

/** Demo accounts seeded by `npm start` in demo mode: `<role>@<institution>.demo`. */
export const DEMO_ACCOUNTS: readonly { role: string; institution: string; name: string }[] = [
  { role: 'admin', institution: 'mininterior', name: 'Ana Administradora (demo)' },
  { role: 'admin', institution: 'oim', name: 'Óscar Administrador OIM (demo)' },
  { role: 'coordinator', institution: 'mininterior', name: 'Carlos Coordinador (demo)' },
  { role: 'investigator', institution: 'policia', name: 'Inés Investigadora Policía (demo)' },
  { role: 'investigator', institution: 'das', name: 'Iván Investigador DAS (demo)' },
  { role: 'prosecutor', institution: 'fiscalia', name: 'Fabiola Fiscal (demo)' },
  { role: 'caseworker', institution: 'oim', name: 'Camila Profesional OIM (demo)' },
  { role: 'supervisor', institution: 'oim', name: 'Sergio Supervisor OIM (demo)' },
  { role: 'operator', institution: 'oim', name: 'Olga Operadora Línea (demo)' },
  { role: 'partner', institution: 'icbf', name: 'Pablo Aliado ICBF (demo)' },
  { role: 'auditor', institution: 'procuraduria', name: 'Aurora Auditora (demo)' },
];
