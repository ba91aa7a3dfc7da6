import { Injectable } from '@nestjs/common';
import { CaseDetailView, PERMISSIONS } from '@ruta/shared';
import { Actor } from '@ruta/platform';
import { CaseAccessService } from './case-access.service';
import { CaseRecordsRepository } from './case-records.repository';
import { allowedTransitions } from './case-state-machine';
import { toAssignmentView, toCaseSummary, toEventView, toScreeningView, toVictimView, victimDisplayName } from './case-views';
import { userRef } from '@ruta/identity';
import { CaseEntity } from './case.entity';
import { CasesRepository } from './cases.repository';
import { VictimsRepository } from './victims.repository';

/** The full case as its detail screen shows it, pseudonymised for roles that may not read identity. */
@Injectable()
export class CaseDetailsService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly cases: CasesRepository,
    private readonly records: CaseRecordsRepository,
    private readonly victims: VictimsRepository,
  ) {}

  /** Reads a case by code (404 outside the actor's scope) and audits the read. */
  async get(actor: Actor, code: string): Promise<CaseDetailView> {
    return this.access.readCase(actor, code, PERMISSIONS.casesRead, (found) => this.build(actor, found), (view) => ({ pseudonymised: view.pseudonymised }));
  }

  /** The detail view of a case already checked by the caller (no audit event of its own). */
  async build(actor: Actor, c: CaseEntity): Promise<CaseDetailView> {
    const identity = this.access.canReadIdentity(actor);
    const shelter = this.access.canReadShelter(actor);
    // One after the other: they share the request's transaction, hence one connection.
    const events = await this.records.events(c.id);
    const screenings = await this.records.screenings(c.id);
    const assignments = await this.cases.activeAssignments(c.id);
    const victim = identity ? await this.victims.find(c.id) : null;
    const location = shelter ? await this.victims.findLocation(c.id) : null;
    return {
      ...toCaseSummary(c, victim ? victimDisplayName(victim) : null),
      version: c.version,
      source: c.source,
      scope: c.scope,
      direction: c.direction,
      municipalityCode: c.municipalityCode,
      departmentName: c.department?.name ?? null,
      municipalityName: c.municipality?.name ?? null,
      traffickingStatusDecidedBy: c.traffickingStatusInstitution
        ? { id: c.traffickingStatusInstitution.id, code: c.traffickingStatusInstitution.code, name: c.traffickingStatusInstitution.name }
        : null,
      traffickingStatusDecidedAt: c.traffickingStatusDecidedAt?.toISOString() ?? null,
      closeReason: c.closeReason,
      statusBeforeSuspension: c.statusBeforeSuspension,
      statusChangedAt: c.statusChangedAt.toISOString(),
      labourSector: c.labourSector,
      sexualExploitationType: c.sexualExploitationType,
      meansOfControl: c.meansOfControl,
      recruiterRelation: c.recruiterRelation,
      recruitmentMethod: c.recruitmentMethod,
      createdBy: userRef(c.createdBy, c.createdById),
      events: events.map(toEventView),
      screenings: screenings.map(toScreeningView),
      assignments: assignments.map(toAssignmentView),
      allowedTransitions: allowedTransitions(c),
      pseudonymised: !identity,
      victim: victim ? toVictimView(victim, location, shelter) : null,
    };
  }
}
