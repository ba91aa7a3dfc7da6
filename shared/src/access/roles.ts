import { Permission, PERMISSIONS as P } from './permissions';
import { RecordScope } from './record-scope';

export interface RoleDefinition {
  code: string;
  nameEs: string;
  nameEn: string;
  scope: RecordScope;
  requiresMfa: boolean;
  permissions: readonly Permission[];
}

const caseWork: Permission[] = [
  P.casesRead,
  P.casesCreate,
  P.casesUpdate,
  P.casesTransition,
  P.victimIdentityRead,
  P.victimIdentityUpdate,
  P.consentRead,
  P.consentManage,
  P.notesRead,
  P.notesCreate,
  P.documentsRead,
  P.documentsUpload,
  P.referralsRead,
  P.referralsManage,
  P.usersRead,
  P.institutionsRead,
];

/** The roles seeded on a new database. Administrators can add more, or change these, in the UI. */
export const SEED_ROLES: readonly RoleDefinition[] = [
  {
    code: 'admin',
    nameEs: 'Administrador del sistema',
    nameEn: 'System administrator',
    scope: 'none',
    requiresMfa: true,
    permissions: [P.institutionsRead, P.institutionsManage, P.usersRead, P.usersManage, P.rolesRead, P.rolesManage, P.privacyReview],
  },
  {
    code: 'coordinator',
    nameEs: 'Coordinador',
    nameEn: 'Coordinator',
    scope: 'all_pseudonymised',
    requiresMfa: true,
    permissions: [
      P.casesRead,
      P.referralsRead,
      P.referralsManage,
      P.indicatorsRead,
      P.assistanceRead,
      P.proceedingsRead,
      P.operationsRead,
      P.hotlineRead,
      P.institutionsRead,
      P.usersRead,
      P.privacyReview,
    ],
  },
  {
    code: 'investigator',
    nameEs: 'Investigador',
    nameEn: 'Investigator',
    scope: 'institution',
    requiresMfa: false,
    permissions: [...caseWork, P.victimLocationRead, P.proceedingsRead, P.operationsRead, P.operationsManage],
  },
  {
    code: 'prosecutor',
    nameEs: 'Fiscal',
    nameEn: 'Prosecutor',
    scope: 'institution',
    requiresMfa: false,
    permissions: [...caseWork, P.proceedingsRead, P.proceedingsManage, P.operationsRead, P.referralsOverride],
  },
  {
    code: 'caseworker',
    nameEs: 'Profesional de asistencia',
    nameEn: 'Caseworker',
    scope: 'assigned',
    requiresMfa: false,
    permissions: [...caseWork, P.victimLocationRead, P.assistanceRead, P.assistanceManage],
  },
  {
    code: 'supervisor',
    nameEs: 'Supervisor',
    nameEn: 'Supervisor',
    scope: 'institution',
    requiresMfa: false,
    permissions: [
      ...caseWork,
      P.victimLocationRead,
      P.casesAssign,
      P.casesExport,
      P.assistanceRead,
      P.assistanceManage,
      P.assistanceApprove,
      P.assistanceSelfApprove,
      P.referralsOverride,
      P.hotlineRead,
      P.privacyReview,
    ],
  },
  {
    code: 'operator',
    nameEs: 'Operador de línea',
    nameEn: 'Hotline operator',
    scope: 'assigned',
    requiresMfa: false,
    permissions: [P.hotlineRead, P.hotlineManage, P.casesCreate, P.casesRead, P.referralsRead, P.referralsManage, P.institutionsRead],
  },
  {
    code: 'partner',
    nameEs: 'Institución aliada',
    nameEn: 'Partner institution staff',
    scope: 'referred',
    requiresMfa: false,
    permissions: [P.casesRead, P.referralsRead, P.referralsManage, P.notesRead, P.notesCreate, P.consentRead, P.institutionsRead],
  },
  {
    code: 'auditor',
    nameEs: 'Auditor',
    nameEn: 'Auditor',
    scope: 'none',
    requiresMfa: true,
    permissions: [P.auditRead, P.auditVerify, P.usersRead, P.institutionsRead],
  },
];
