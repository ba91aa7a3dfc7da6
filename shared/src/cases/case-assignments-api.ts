import { UserRef } from '../common/refs';

export interface CaseAssignmentView {
  user: UserRef;
  assignedAt: string;
  assignedBy: UserRef | null;
}

export interface CaseAssignRequest {
  userId: string;
}
