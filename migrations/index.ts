import { Foundation1764403200000 } from './1764403200000-Foundation';
import { AccessAndAudit1764403300000 } from './1764403300000-AccessAndAudit';
import { Cases1764403400000 } from './1764403400000-Cases';
import { CaseLinkRequests1764403500000 } from './1764403500000-CaseLinkRequests';
import { CaseDrafts1764403600000 } from './1764403600000-CaseDrafts';
import { AccessChangeApprovals1764403700000 } from './1764403700000-AccessChangeApprovals';
import { DuplicateCheckQuota1764403800000 } from './1764403800000-DuplicateCheckQuota';
import { VerifiedRequestContext1764404000000 } from './1764404000000-VerifiedRequestContext';
import { Referrals1764404100000 } from './1764404100000-Referrals';
import { ReferralFilters1764404150000 } from './1764404150000-ReferralFilters';
import { FastScopes1764404200000 } from './1764404200000-FastScopes';
import { Assistance1764404300000 } from './1764404300000-Assistance';
import { AssistanceParticipants1764404310000 } from './1764404310000-AssistanceParticipants';
import { Prosecutions1764404400000 } from './1764404400000-Prosecutions';
import { Hotline1764404500000 } from './1764404500000-Hotline';
import { Indicators1764404600000 } from './1764404600000-Indicators';
import { ScaleIndexes1764404700000 } from './1764404700000-ScaleIndexes';
import { ProsecutionsScale1764404810000 } from './1764404810000-ProsecutionsScale';
import { IndicatorsRoles1764404830000 } from './1764404830000-IndicatorsRoles';
import { FieldEncryption1764404840000 } from './1764404840000-FieldEncryption';
import { EventCity1764404900000 } from './1764404900000-EventCity';
import { Privacy1764405100000 } from './1764405100000-Privacy';
import { VictimIdentityBlindIndexes1764405200000 } from './1764405200000-VictimIdentityBlindIndexes';
import { MoreEncryptedFields1764405300000 } from './1764405300000-MoreEncryptedFields';
import { CaseMemberCounts1764405400000 } from './1764405400000-CaseMemberCounts';
import { WrappedContextCalls1764405500000 } from './1764405500000-WrappedContextCalls';
import { TraffickerIdentityEncryption1764405600000 } from './1764405600000-TraffickerIdentityEncryption';
import { CallerPhoneAndEventCity1764405700000 } from './1764405700000-CallerPhoneAndEventCity';
import { RequestContextLookup1764405800000 } from './1764405800000-RequestContextLookup';
import { AuditTrailByTime1764405900000 } from './1764405900000-AuditTrailByTime';
import { ProceedingHistoryIndex1764406000000 } from './1764406000000-ProceedingHistoryIndex';
import { IndicatorSnapshots1764406100000 } from './1764406100000-IndicatorSnapshots';
import { ReferralSharingLast1764406200000 } from './1764406200000-ReferralSharingLast';
import { ReferralBoxTotals1764406300000 } from './1764406300000-ReferralBoxTotals';
import { MemberCountsByInstitution1764406400000 } from './1764406400000-MemberCountsByInstitution';
import { InstitutionNameTokens1764406500000 } from './1764406500000-InstitutionNameTokens';

/** Every migration, in order. A new migration file is added here too. */
export const MIGRATIONS = [
  Foundation1764403200000,
  AccessAndAudit1764403300000,
  Cases1764403400000,
  CaseLinkRequests1764403500000,
  CaseDrafts1764403600000,
  AccessChangeApprovals1764403700000,
  DuplicateCheckQuota1764403800000,
  VerifiedRequestContext1764404000000,
  Referrals1764404100000,
  ReferralFilters1764404150000,
  FastScopes1764404200000,
  Assistance1764404300000,
  AssistanceParticipants1764404310000,
  Prosecutions1764404400000,
  Hotline1764404500000,
  Indicators1764404600000,
  ScaleIndexes1764404700000,
  ProsecutionsScale1764404810000,
  IndicatorsRoles1764404830000,
  FieldEncryption1764404840000,
  EventCity1764404900000,
  Privacy1764405100000,
  VictimIdentityBlindIndexes1764405200000,
  MoreEncryptedFields1764405300000,
  CaseMemberCounts1764405400000,
  WrappedContextCalls1764405500000,
  TraffickerIdentityEncryption1764405600000,
  CallerPhoneAndEventCity1764405700000,
  RequestContextLookup1764405800000,
  AuditTrailByTime1764405900000,
  ProceedingHistoryIndex1764406000000,
  IndicatorSnapshots1764406100000,
  ReferralSharingLast1764406200000,
  ReferralBoxTotals1764406300000,
  MemberCountsByInstitution1764406400000,
  InstitutionNameTokens1764406500000,
];

export { APP_ROLE, SYSTEM_ROLE, enableRowLevelSecurity, disableRowLevelSecurity, makeAppendOnly } from './rls';
export { parseCsv } from './csv';
export { memberCountsFromScratch } from './1764406400000-MemberCountsByInstitution';
