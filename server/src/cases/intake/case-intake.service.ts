import { Injectable } from '@nestjs/common';
import { CreateCaseResponse, FieldError, PERMISSIONS } from '@ruta/shared';
import { Actor, can, AuditService, todayInColombia, ValidationFailedError } from '@ruta/platform';
import { CaseAccessService, deriveAgeFacts, exploitationStart, CaseDetailsService, CaseRecordsRepository, ageColumns, sentFields, CasesRepository, identityErrors, VictimsRepository } from '../core';
import { ConsentsService } from '../consents';
import { PlaceReference, PlacesService } from '@ruta/places';
import { CreateCaseDto } from './dto/create-case.dto';
import { DuplicatesService } from './duplicates.service';

/**
 * Intake: the case, its victim, screening, situation, first status and consents in the request's one transaction.
 * Every check runs before the first insert, and any failure rolls everything back: no half-written case.
 */
@Injectable()
export class CaseIntakeService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly cases: CasesRepository,
    private readonly records: CaseRecordsRepository,
    private readonly victims: VictimsRepository,
    private readonly consents: ConsentsService,
    private readonly places: PlacesService,
    private readonly duplicates: DuplicatesService,
    private readonly details: CaseDetailsService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateCaseDto): Promise<CreateCaseResponse> {
    const events = dto.situation.events ?? [];
    const casePlace: PlaceReference = { field: 'case', countryCode: 'CO', departmentCode: dto.case.departmentCode, municipalityCode: dto.case.municipalityCode };
    const eventPlaces: PlaceReference[] = events.map((e, i) => ({ field: `situation.events.${i}`, ...e }));
    await this.check(actor, dto, [...(casePlace.departmentCode || casePlace.municipalityCode ? [casePlace] : []), ...eventPlaces]);

    const { shelterLocation, ...identity } = sentFields(dto.victim);
    const facts = deriveAgeFacts({ birthDate: identity.birthDate, estimatedAge: identity.estimatedAge, identifiedOn: dto.case.identifiedOn, exploitationStartedOn: exploitationStart(events) });
    const code = await this.cases.nextCode(Number(todayInColombia().slice(0, 4)));
    const { events: _events, ...situation } = sentFields(dto.situation);
    const caseId = await this.cases.insert({
      ...sentFields(dto.case),
      ...situation,
      code,
      direction: dto.case.scope === 'international' ? (dto.case.direction ?? null) : null,
      departmentCode: casePlace.departmentCode ?? null,
      ownerInstitutionId: actor.institutionId,
      createdById: actor.userId,
      ...ageColumns(facts),
    });
    await this.victims.insert({ ...identity, givenNames: dto.victim.givenNames, sex: dto.victim.sex, caseId });
    if (shelterLocation) await this.victims.saveLocation(caseId, shelterLocation, false);
    await this.records.insertScreening({ ...dto.screening, caseId, interviewerUserId: dto.screening.interviewerUserId ?? actor.userId, createdById: actor.userId });
    await this.records.insertEvents(caseId, events.map((e, i) => ({ ...e, departmentCode: eventPlaces[i].departmentCode ?? null })));
    await this.cases.insertTransition({ caseId, fromStatus: null, toStatus: 'received', byUserId: actor.userId, byInstitutionId: actor.institutionId });
    await this.consents.record(actor, caseId, dto.consents ?? []);
    const duplicates = await this.duplicates.find({ ...identity }, caseId);
    await this.audit.record({
      action: 'create',
      entityType: 'case',
      entityId: caseId,
      details: { code, events: events.length, consents: dto.consents?.length ?? 0, childWelfareFlag: facts.childWelfareFlag, possibleDuplicates: duplicates.length },
    });
    return { case: await this.details.build(actor, await this.access.requireCase(actor, code)), duplicates };
  }

  private async check(actor: Actor, dto: CreateCaseDto, places: PlaceReference[]): Promise<void> {
    const errors: FieldError[] = (await this.places.check(places)).map((e) => ({ ...e, field: e.field.replace(/^case\./, 'case.') }));
    errors.push(...identityErrors(dto.victim, 'victim.'));
    if (dto.victim.shelterLocation && !can(actor, PERMISSIONS.victimLocationRead)) {
      errors.push({ field: 'victim.shelterLocation', code: 'forbidden', message: 'Your role may not record a shelter location' });
    }
    if (dto.case.scope === 'internal' && dto.case.direction) {
      errors.push({ field: 'case.direction', code: 'not_applicable', message: 'direction applies only to international cases' });
    }
    (dto.situation.events ?? []).forEach((e, i) => {
      if (e.startedOn && e.endedOn && e.endedOn < e.startedOn) errors.push({ field: `situation.events.${i}.endedOn`, code: 'before_start', message: 'endedOn cannot be before startedOn' });
    });
    if (dto.screening.interviewerUserId) {
      const interviewer = await this.cases.findUser(dto.screening.interviewerUserId);
      if (!interviewer?.active || interviewer.institutionId !== actor.institutionId) {
        errors.push({ field: 'screening.interviewerUserId', code: 'invalid_reference', message: 'interviewerUserId must be an active user of your institution' });
      }
    }
    errors.push(...(await this.consents.check(dto.consents ?? [], 'consents.')));
    if (errors.length) throw new ValidationFailedError(errors);
  }
}
