import { InstitutionRef, UserRef } from '../common/refs';
import { ConsentGrantedBy, ConsentMethod, ConsentPurpose } from './consent-options';

export interface ConsentInput {
  purpose: ConsentPurpose;
  /** Required for `sharing`: the institution the data may go to. */
  institutionId?: string;
  grantedBy: ConsentGrantedBy;
  method: ConsentMethod;
  grantedAt: string;
}

export interface ConsentView extends ConsentInput {
  id: string;
  institution: InstitutionRef | null;
  recordedBy: UserRef;
  revokedAt: string | null;
  valid: boolean;
}
