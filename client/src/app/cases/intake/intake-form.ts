import { FormControl, NonNullableFormBuilder, Validators } from '@angular/forms';
import {
  CaseDirection,
  CaseScope,
  CaseSource,
  CONSENT_PURPOSE,
  ConsentGrantedBy,
  ConsentMethod,
  ConsentPurpose,
  CreateCaseRequest,
  Disability,
  DocumentType,
  DuplicateCheckRequest,
  Ethnicity,
  ExploitationPurpose,
  GenderIdentity,
  LabourSector,
  MeansOfControl,
  MigrationStatus,
  RecruiterRelation,
  RecruitmentMethod,
  ScreeningAct,
  ScreeningIndicator,
  ScreeningMeans,
  ScreeningResult,
  Sex,
  SexualExploitationType,
} from '@ruta/shared';
import { notInFuture, todayInColombia } from '../calendar-date';
import { EventGroup, toEventInputs } from '../trafficking-event-form';
import { compact, splitList } from '../compact';

export type Choice<T extends string> = T | '';

/** The victim's identity controls (intake wizard and victim edit). */
export function identityGroup(fb: NonNullableFormBuilder) {
  return fb.group({
    givenNames: ['', [Validators.required, Validators.maxLength(200)]],
    familyNames: ['', Validators.maxLength(200)],
    aliases: [''],
    sex: ['' as Choice<Sex>, Validators.required],
    genderIdentity: ['' as Choice<GenderIdentity>],
    birthDate: ['', notInFuture],
    estimatedAge: new FormControl<number | null>(null, [Validators.min(0), Validators.max(110)]),
    nationality: [''],
    documentType: ['' as Choice<DocumentType>],
    documentNumber: ['', [Validators.maxLength(40), Validators.pattern(/^[0-9A-Za-z .\-/]*$/)]],
    languages: [[] as string[]],
    ethnicity: ['' as Choice<Ethnicity>],
    disability: ['' as Choice<Disability>],
    migrationStatus: ['' as Choice<MigrationStatus>],
    phone: ['', Validators.pattern(/^\+?[0-9 ()-]{6,25}$/)],
    email: ['', [Validators.email, Validators.maxLength(254)]],
    currentLocation: ['', Validators.maxLength(300)],
    shelterLocation: ['', Validators.maxLength(300)],
  });
}
export type IdentityGroup = ReturnType<typeof identityGroup>;
export type IdentityValue = ReturnType<IdentityGroup['getRawValue']>;

function consentGroup(fb: NonNullableFormBuilder, purpose: ConsentPurpose, today: string) {
  return fb.group({
    purpose: [purpose],
    granted: [false],
    grantedBy: ['self' as ConsentGrantedBy],
    method: ['written' as ConsentMethod],
    grantedAt: [today, notInFuture],
    institutionId: [''],
  });
}
export type ConsentGroup = ReturnType<typeof consentGroup>;

/** The intake wizard's whole model: one group per step, shaped like `CreateCaseRequest` so API field errors land on their controls. */
export function buildIntakeForm(fb: NonNullableFormBuilder, today = todayInColombia()) {
  return fb.group({
    case: fb.group({
      source: ['' as Choice<CaseSource>, Validators.required],
      scope: ['internal' as CaseScope, Validators.required],
      direction: ['' as Choice<CaseDirection>],
      identifiedOn: [today, [Validators.required, notInFuture]],
      departmentCode: [''],
      municipalityCode: [''],
    }),
    screening: fb.group({
      screenedOn: [today, [Validators.required, notInFuture]],
      acts: [[] as ScreeningAct[]],
      /** Palermo means: recorded for comparability, never required (188A has no means element). */
      means: [[] as ScreeningMeans[]],
      purposes: [[] as ExploitationPurpose[]],
      indicators: [[] as ScreeningIndicator[]],
      result: ['' as Choice<ScreeningResult>, Validators.required],
      interviewerUserId: [''],
    }),
    victim: identityGroup(fb),
    situation: fb.group({
      purposes: [[] as ExploitationPurpose[]],
      labourSector: ['' as Choice<LabourSector>],
      sexualExploitationType: ['' as Choice<SexualExploitationType>],
      meansOfControl: [[] as MeansOfControl[]],
      recruiterRelation: ['' as Choice<RecruiterRelation>],
      recruitmentMethod: ['' as Choice<RecruitmentMethod>],
      events: fb.array<EventGroup>([]),
    }),
    consents: fb.array(CONSENT_PURPOSE.values.map((purpose) => consentGroup(fb, purpose, today))),
  });
}

export type IntakeForm = ReturnType<typeof buildIntakeForm>;
export type IntakeValue = ReturnType<IntakeForm['getRawValue']>;

/** Every identity field, trimmed, empty ones as '' or null: the base of both the intake body and a victim PATCH. */
export function victimFields(v: IdentityValue, withShelter: boolean) {
  return {
    givenNames: v.givenNames.trim(),
    familyNames: v.familyNames.trim(),
    aliases: splitList(v.aliases),
    sex: v.sex,
    genderIdentity: v.genderIdentity,
    birthDate: v.birthDate,
    estimatedAge: v.birthDate ? null : v.estimatedAge,
    nationality: v.nationality.trim().toUpperCase(),
    documentType: v.documentType,
    documentNumber: v.documentNumber.trim(),
    languages: v.languages,
    ethnicity: v.ethnicity,
    disability: v.disability,
    migrationStatus: v.migrationStatus,
    phone: v.phone.trim(),
    email: v.email.trim(),
    currentLocation: v.currentLocation.trim(),
    ...(withShelter ? { shelterLocation: v.shelterLocation.trim() } : {}),
  };
}

/** The identity as the API takes it: empty fields left out, aliases split, a birth date winning over an estimated age. */
export function toVictimInput(v: IdentityValue, withShelter: boolean): CreateCaseRequest['victim'] {
  return compact(victimFields(v, withShelter)) as CreateCaseRequest['victim'];
}

/** The wizard's value as the body of `POST /api/cases`. Only granted consents are sent. */
export function toCreateCaseRequest(value: IntakeValue, options: { withShelter: boolean }): CreateCaseRequest {
  const c = value.case;
  const s = value.screening;
  const t = value.situation;
  return {
    case: compact({
      source: c.source as CaseSource,
      scope: c.scope,
      direction: c.scope === 'international' ? c.direction : '',
      identifiedOn: c.identifiedOn,
      departmentCode: c.municipalityCode ? '' : c.departmentCode,
      municipalityCode: c.municipalityCode,
    }) as CreateCaseRequest['case'],
    screening: {
      ...compact({ interviewerUserId: s.interviewerUserId }),
      screenedOn: s.screenedOn,
      acts: s.acts,
      means: s.means,
      purposes: s.purposes,
      indicators: s.indicators,
      result: s.result as ScreeningResult,
    },
    victim: toVictimInput(value.victim, options.withShelter),
    situation: {
      ...compact({
        labourSector: t.labourSector,
        sexualExploitationType: t.purposes.includes('sexual_exploitation') ? t.sexualExploitationType : '',
        meansOfControl: t.meansOfControl,
        recruiterRelation: t.recruiterRelation,
        recruitmentMethod: t.recruitmentMethod,
        events: toEventInputs(t.events),
      }),
      purposes: t.purposes,
    },
    consents: value.consents
      .filter((consent) => consent.granted)
      .map((consent) =>
        compact({
          purpose: consent.purpose,
          institutionId: consent.purpose === 'sharing' ? consent.institutionId : '',
          grantedBy: consent.grantedBy,
          method: consent.method,
          grantedAt: consent.grantedAt,
        }),
      ) as CreateCaseRequest['consents'],
  };
}

/**
 * What the duplicate check needs from the identity step, or null when there is not enough to compare: the server
 * checks only given and family names together with a document number or a birth date (anything less answers 400).
 */
export function toDuplicateCheck(v: IdentityValue): DuplicateCheckRequest | null {
  const documentNumber = v.documentNumber.trim();
  const givenNames = v.givenNames.trim();
  const familyNames = v.familyNames.trim();
  if (!givenNames || !familyNames || !(documentNumber || v.birthDate)) return null;
  return compact({ documentNumber, givenNames, familyNames, birthDate: v.birthDate, sex: v.sex }) as DuplicateCheckRequest;
}
