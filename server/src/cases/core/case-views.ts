import {
  CaseAssignmentView,
  CaseSummaryView,
  InstitutionRef,
  ScreeningView,
  TraffickingEventView,
  VictimView,
} from '@ruta/shared';
import { institutionRef, userRef } from '@ruta/identity';
import { CaseAssignmentEntity } from './case-assignment.entity';
import { CaseEntity } from './case.entity';
import { ScreeningEntity } from './screening.entity';
import { TraffickingEventEntity } from './trafficking-event.entity';
import { VictimLocationEntity } from './victim-location.entity';
import { VictimEntity } from './victim.entity';

/** API views of case records: entities never leave the server as they are. */

/** A case's summary, from its entity (detail) or from a list's raw row (CaseListItem): the same fields either way. */
export type CaseSummarySource = Pick<
  CaseEntity,
  'code' | 'status' | 'traffickingStatus' | 'ageBand' | 'minorAtIdentification' | 'minorAtExploitation' | 'childWelfareFlag' | 'purposes' | 'departmentCode' | 'identifiedOn' | 'createdAt' | 'updatedAt'
> & { ownerInstitution?: InstitutionRef };

export function toCaseSummary(c: CaseSummarySource, victimName: string | null): CaseSummaryView {
  return {
    code: c.code,
    status: c.status,
    traffickingStatus: c.traffickingStatus,
    ownerInstitution: institutionRef(c.ownerInstitution!),
    ageBand: c.ageBand,
    minorAtIdentification: c.minorAtIdentification,
    minorAtExploitation: c.minorAtExploitation,
    childWelfareFlag: c.childWelfareFlag,
    purposes: c.purposes,
    departmentCode: c.departmentCode,
    identifiedOn: c.identifiedOn,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    victimName,
  };
}

export function victimDisplayName(v: Pick<VictimEntity, 'givenNames' | 'familyNames'>): string {
  return [v.givenNames, v.familyNames].filter(Boolean).join(' ');
}

export function toVictimView(v: VictimEntity, location: VictimLocationEntity | null | undefined, withShelter: boolean): VictimView {
  const view: VictimView = {
    givenNames: v.givenNames,
    aliases: v.aliases,
    sex: v.sex,
    languages: v.languages,
  };
  const optional = {
    familyNames: v.familyNames,
    genderIdentity: v.genderIdentity,
    birthDate: v.birthDate,
    estimatedAge: v.estimatedAge,
    nationality: v.nationality,
    documentType: v.documentType,
    documentNumber: v.documentNumber,
    ethnicity: v.ethnicity,
    disability: v.disability,
    migrationStatus: v.migrationStatus,
    phone: v.phone,
    email: v.email,
    currentLocation: v.currentLocation,
  };
  for (const [key, value] of Object.entries(optional)) if (value != null) Object.assign(view, { [key]: value });
  if (withShelter) view.shelterLocation = location?.shelterLocation ?? null;
  return view;
}

export function toEventView(e: TraffickingEventEntity): TraffickingEventView {
  return {
    id: e.id,
    kind: e.kind,
    countryCode: e.countryCode,
    ...(e.departmentCode ? { departmentCode: e.departmentCode } : {}),
    ...(e.municipalityCode ? { municipalityCode: e.municipalityCode } : {}),
    ...(e.city ? { city: e.city } : {}),
    ...(e.startedOn ? { startedOn: e.startedOn } : {}),
    ...(e.endedOn ? { endedOn: e.endedOn } : {}),
    departmentName: e.department?.name ?? null,
    municipalityName: e.municipality?.name ?? null,
  };
}

export function toScreeningView(s: ScreeningEntity): ScreeningView {
  return {
    id: s.id,
    screenedOn: s.screenedOn,
    acts: s.acts,
    means: s.means,
    purposes: s.purposes,
    indicators: s.indicators,
    result: s.result,
    interviewer: s.interviewerUserId ? userRef(s.interviewer, s.interviewerUserId) : null,
  };
}

export function toAssignmentView(a: CaseAssignmentEntity): CaseAssignmentView {
  return { user: userRef(a.user, a.userId), assignedAt: a.assignedAt.toISOString(), assignedBy: userRef(a.assignedBy, a.assignedById) };
}
