import { InstitutionRef, UserRef } from '../common/refs';

export interface CaseNoteInput {
  body: string;
  restricted?: boolean;
}

export interface CaseNoteView {
  id: string;
  body: string;
  restricted: boolean;
  author: UserRef;
  authorInstitution: InstitutionRef;
  createdAt: string;
}
