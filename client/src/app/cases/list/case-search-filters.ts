import { CaseSearchFilters, CaseSort, CaseStatus, ExploitationPurpose, SavedCaseFilters } from '@ruta/shared';

/** The raw value of the case list's filter form. Empty strings and lists mean "any". */
export interface CaseFilterValue {
  code: string;
  name: string;
  documentNumber: string;
  status: CaseStatus[];
  institutionId: string[];
  purpose: ExploitationPurpose[];
  departmentCode: string;
  minor: '' | 'yes' | 'no';
  assignedToMe: boolean;
  identifiedFrom: string;
  identifiedTo: string;
  createdFrom: string;
  createdTo: string;
  sort: CaseSort;
}

export type CaseSearchCriteria = CaseSearchFilters & { sort: CaseSort };

export const EMPTY_CASE_FILTERS: CaseFilterValue = {
  code: '',
  name: '',
  documentNumber: '',
  status: [],
  institutionId: [],
  purpose: [],
  departmentCode: '',
  minor: '',
  assignedToMe: false,
  identifiedFrom: '',
  identifiedTo: '',
  createdFrom: '',
  createdTo: '',
  sort: 'created_desc',
};

const collapse = (text: string) => text.trim().replace(/\s+/g, ' ');

/**
 * The form as the body of `POST /api/cases/search`: only the filters in use, the code upper-cased, the name with
 * single spaces. The name and the document number travel in this body only, never in a URL.
 */
export function toCaseSearch(value: CaseFilterValue): CaseSearchCriteria {
  const criteria: CaseSearchCriteria = { ...toSavedFilters(value), sort: value.sort };
  const name = collapse(value.name);
  if (name) criteria.name = name;
  const documentNumber = value.documentNumber.trim();
  if (documentNumber) criteria.documentNumber = documentNumber;
  return criteria;
}

/** What a saved search keeps: the filter codes, never a name or a document number (personal data). */
export function toSavedFilters(value: CaseFilterValue): SavedCaseFilters & { sort: CaseSort } {
  const saved: SavedCaseFilters & { sort: CaseSort } = { sort: value.sort };
  const code = value.code.trim().toUpperCase();
  if (code) saved.code = code;
  if (value.status.length) saved.status = [...value.status];
  if (value.institutionId.length) saved.institutionId = [...value.institutionId];
  if (value.purpose.length) saved.purpose = [...value.purpose];
  if (value.departmentCode) saved.departmentCode = value.departmentCode;
  if (value.minor) saved.minor = value.minor === 'yes';
  if (value.assignedToMe) saved.assignedToMe = true;
  for (const key of ['identifiedFrom', 'identifiedTo', 'createdFrom', 'createdTo'] as const) {
    if (value[key]) saved[key] = value[key];
  }
  return saved;
}

/** A saved search back into the form (name and document number left empty). */
export function fromSavedFilters(saved: SavedCaseFilters): CaseFilterValue {
  return {
    ...EMPTY_CASE_FILTERS,
    code: saved.code ?? '',
    status: saved.status ?? [],
    institutionId: saved.institutionId ?? [],
    purpose: saved.purpose ?? [],
    departmentCode: saved.departmentCode ?? '',
    minor: saved.minor === undefined ? '' : saved.minor ? 'yes' : 'no',
    assignedToMe: saved.assignedToMe ?? false,
    identifiedFrom: saved.identifiedFrom ?? '',
    identifiedTo: saved.identifiedTo ?? '',
    createdFrom: saved.createdFrom ?? '',
    createdTo: saved.createdTo ?? '',
    sort: saved.sort ?? 'created_desc',
  };
}
