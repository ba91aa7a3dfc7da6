import { UserRef } from '../common/refs';

export type TimelineEntryKind = 'status' | 'audit' | 'note' | 'document';

export interface TimelineEntry {
  at: string;
  kind: TimelineEntryKind;
  /** Status moves: `from` → `to`; audit: the action; note/document: `created`. */
  action: string;
  actor: UserRef | null;
  details: Record<string, unknown>;
}
