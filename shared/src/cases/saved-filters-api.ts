import { CaseSearchFilters, CaseSort } from './case-search-api';

export interface SavedFilterView {
  id: string;
  name: string;
  filters: SavedCaseFilters;
  version: number;
}

/** Saved filters never hold a name or a document number: they would keep personal data in a user's settings. */
export type SavedCaseFilters = Omit<CaseSearchFilters, 'name' | 'documentNumber'> & { sort?: CaseSort };

export interface SaveFilterRequest {
  name: string;
  filters: SavedCaseFilters;
}

export interface UpdateSavedFilterRequest extends Partial<SaveFilterRequest> {
  version: number;
}
