import { PageQuery } from '../common/paging';
import { DataCategory, ErasureLegalBasis, ErasureRequester, ErasureStatus, KeepGround, RetentionItemStatus, RetentionRecordType } from './privacy-options';

export interface RetentionSettingView {
  recordType: RetentionRecordType;
  years: number;
  version: number;
  updatedAt: string;
}

export interface UpdateRetentionSettingRequest {
  years: number;
  version: number;
}

export type RetentionSort = 'due_asc' | 'due_desc';

export interface RetentionQueueQuery extends PageQuery {
  status?: RetentionItemStatus;
  sort?: RetentionSort;
}

/** One item of the retention queue: a code (case or hotline contact) and dates, never an identity. */
export interface RetentionItemView {
  id: string;
  recordType: RetentionRecordType;
  code: string;
  institutionName: string;
  endedOn: string;
  dueOn: string;
  status: RetentionItemStatus;
  postponedUntil: string | null;
  reason: string | null;
  decidedAt: string | null;
  version: number;
}

export interface RetentionQueuePage {
  items: RetentionItemView[];
  total: number;
  nextCursor?: string;
  limit: number;
}

export interface PostponeRetentionRequest {
  version: number;
  reason: string;
  until: string;
}

export interface ConfirmRetentionRequest {
  version: number;
}

export interface RetentionRunResult {
  ran: boolean;
  listed: number;
  reopened: number;
}

export interface CreateErasureRequest {
  caseCode: string;
  legalBasis: ErasureLegalBasis;
  requester: ErasureRequester;
  reason: string;
  receivedOn: string;
}

export interface ErasureDecisionRequest {
  version: number;
}

export interface RefuseErasureRequest {
  version: number;
  reason: string;
}

export interface ErasureApprovalView {
  approverName: string;
  approvedAt: string;
}

/** What was kept, and why (the certificate says the same). */
export interface KeptCategoryView {
  category: DataCategory;
  ground: KeepGround;
}

export interface ErasureRequestView {
  id: string;
  caseCode: string;
  institutionName: string;
  legalBasis: ErasureLegalBasis;
  requester: ErasureRequester;
  reason: string;
  receivedOn: string;
  status: ErasureStatus;
  recordedByName: string;
  recordedByMe: boolean;
  approvals: ErasureApprovalView[];
  approvedByMe: boolean;
  refusalReason: string | null;
  carriedOutAt: string | null;
  erased: DataCategory[];
  kept: KeptCategoryView[];
  createdAt: string;
  version: number;
}

export type ErasureSort = 'created_desc' | 'created_asc';

export interface ErasureRequestsQuery extends PageQuery {
  status?: ErasureStatus;
  sort?: ErasureSort;
}

export interface ErasureRequestsPage {
  items: ErasureRequestView[];
  total: number;
  nextCursor?: string;
  limit: number;
}
