import { HotlineCallerType, HotlineCallType, HotlineChannel, HotlineContactListItem, HotlineContactView, HotlineOutcome, HotlineStatus, HotlineUrgency } from '@ruta/shared';
import { HotlineContactRow, HotlineListRow } from './hotline-contacts.repository';

/** The API's view of a contact: never the number, only whether there is one and how often it called before. */
export function toContactView(r: HotlineContactRow, earlierContacts: number): HotlineContactView {
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    version: r.version,
    channel: r.channel,
    startedAt: new Date(r.startedAt).toISOString(),
    durationSeconds: r.durationSeconds,
    callerType: r.callerType,
    callType: r.callType,
    departmentCode: r.departmentCode,
    municipalityCode: r.municipalityCode,
    countryCode: r.countryCode,
    destinationCountryCode: r.destinationCountryCode,
    purposes: r.purposes,
    acts: r.acts,
    means: r.means,
    urgency: r.urgency,
    childInvolved: r.childInvolved,
    summary: r.summary,
    consentToAuthorities: r.consentToAuthorities,
    operator: { id: r.operatorId, name: r.operatorName },
    hasPhone: !!r.phoneHash,
    earlierContacts,
    outcome: r.outcome,
    reportGround: r.reportGround,
    caseCode: r.caseCode,
    referralId: r.referralId,
    takenBy: r.takenById ? { id: r.takenById, name: r.takenByName ?? '' } : null,
    takenAt: r.takenAt ? new Date(r.takenAt).toISOString() : null,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

export function toListItem(r: HotlineListRow): HotlineContactListItem {
  return {
    id: r.id,
    code: r.code,
    startedAt: new Date(r.startedAt).toISOString(),
    channel: r.channel as HotlineChannel,
    callType: r.callType as HotlineCallType,
    callerType: r.callerType as HotlineCallerType,
    urgency: r.urgency as HotlineUrgency,
    status: r.status as HotlineStatus,
    outcome: r.outcome as HotlineOutcome | null,
    departmentCode: r.departmentCode,
    caseCode: r.caseCode,
    operatorName: r.operatorName,
  };
}
