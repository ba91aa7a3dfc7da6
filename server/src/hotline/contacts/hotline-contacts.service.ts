import { Injectable } from '@nestjs/common';
import {
  canMoveHotlineContact,
  decideAuthorityReport,
  FieldError,
  HotlineCasePrefill,
  HotlineContactPage,
  HotlineContactView,
  HotlineCrisisItem,
  HotlineUrgency,
  PERMISSIONS,
  ReferralUrgency,
} from '@ruta/shared';
import { Actor, AuditService, ConflictError, decodeCursor, encodeCursor, NotFoundError, StaleVersionError, ValidationFailedError } from '@ruta/platform';
import { CaseAccessService } from '@ruta/cases';
import { PlacesService } from '@ruta/places';
import { Clock } from '@ruta/platform';
import { ReferralsService } from '@ruta/referrals';
import { CallerPhone } from './caller-phone';
import { CreateHotlineContactDto, HotlineListQueryDto, HotlineMoveDto, HotlineOutcomeDto } from './dto/hotline-requests.dto';
import { HotlineContactRow, HotlineContactsRepository } from './hotline-contacts.repository';
import { toContactView, toListItem } from './hotline-views';

const DEFAULT_LIMIT = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LAW_ENFORCEMENT = ['police', 'prosecution'];
const REFERRAL_URGENCY_OF: Record<HotlineUrgency, ReferralUrgency> = { emergency: 'emergency', urgent: 'urgent', routine: 'routine' };

/**
 * Calls and messages to the national hotline: intake, triage (taking a crisis, assessing), outcomes (a tip or a
 * referral through the referrals area, a new or an existing case) and closing. Every read and write is audited as a
 * `hotline_contact` event; a contact tied to a case is also written in the case's trail, which its timeline shows.
 */
@Injectable()
export class HotlineContactsService {
  constructor(
    private readonly contacts: HotlineContactsRepository,
    private readonly phone: CallerPhone,
    private readonly places: PlacesService,
    private readonly access: CaseAccessService,
    private readonly referrals: ReferralsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, dto: CreateHotlineContactDto): Promise<HotlineContactView> {
    const abroad = !!dto.countryCode && dto.countryCode !== 'CO';
    const errors: FieldError[] = await this.places.check([
      { field: 'place', departmentCode: dto.departmentCode, municipalityCode: dto.municipalityCode, countryCode: dto.countryCode ?? null },
    ]);
    if (dto.destinationCountryCode) errors.push(...(await this.places.check([{ field: 'destination', countryCode: dto.destinationCountryCode }])));
    // The places service names fields `<ref>.<column>`: back to this body's own names.
    const field = (name: string) => (name === 'destination.countryCode' ? 'destinationCountryCode' : name.replace(/^place\./, ''));
    if (errors.length) throw new ValidationFailedError(errors.map((e) => ({ ...e, field: field(e.field) })));
    const startedAt = new Date(dto.startedAt);
    const { id } = await this.contacts.insert(
      {
        channel: dto.channel,
        startedAt,
        durationSeconds: dto.durationSeconds ?? null,
        operatorId: actor.userId,
        callerType: dto.callerType,
        callType: dto.callType,
        departmentCode: abroad ? null : (dto.departmentCode ?? (dto.municipalityCode ? dto.municipalityCode.slice(0, 2) : null)),
        municipalityCode: abroad ? null : (dto.municipalityCode ?? null),
        countryCode: dto.countryCode ?? null,
        destinationCountryCode: dto.destinationCountryCode ?? null,
        purposes: dto.purposes,
        acts: dto.acts,
        means: dto.means,
        urgency: dto.urgency,
        childInvolved: dto.childInvolved,
        summary: dto.summary?.trim() || null,
        consentToAuthorities: dto.consentToAuthorities,
        ...this.phone.protect(dto.phone),
        status: 'open',
      },
      startedAt.getUTCFullYear(),
    );
    await this.audit.record({ action: 'create', entityType: 'hotline_contact', entityId: id, details: { callType: dto.callType, channel: dto.channel, phone: !!dto.phone } });
    return this.view(id);
  }

  async get(id: string): Promise<HotlineContactView> {
    const view = await this.view(id);
    await this.audit.record({ action: 'read', entityType: 'hotline_contact', entityId: id, details: { section: 'contact' } });
    return view;
  }

  async list(query: HotlineListQueryDto): Promise<HotlineContactPage> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const direction = query.direction ?? 'desc';
    const after = query.cursor ? decodeCursor<{ at: string; id: string }>(query.cursor) : undefined;
    // A cursor is opaque but not trusted: its key must be an instant and an id, or it is refused (never a 500).
    if (after && (typeof after.at !== 'string' || Number.isNaN(Date.parse(after.at)) || typeof after.id !== 'string' || !UUID.test(after.id))) {
      throw new ValidationFailedError([{ field: 'cursor', code: 'invalid_cursor', message: 'cursor is not valid' }]);
    }
    const { rows, total } = await this.contacts.page({ status: query.status, callType: query.callType, direction, after, limit });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    await this.audit.record({ action: 'read', entityType: 'hotline_contact', details: { section: 'list', ids: items.map((r) => r.id) } });
    return { items: items.map(toListItem), total, limit, ...(rows.length > limit && last ? { nextCursor: encodeCursor({ at: new Date(last.startedAt).toISOString(), id: last.id }) } : {}) };
  }

  /** Crisis contacts waiting for someone: codes, times and urgency only (no victim data), for the banner. */
  async crisis(): Promise<HotlineCrisisItem[]> {
    const rows = await this.contacts.untakenCrisis(20);
    return rows.map((r) => ({ id: r.id, code: r.code, startedAt: new Date(r.startedAt).toISOString(), urgency: r.urgency as HotlineUrgency, departmentCode: r.departmentCode }));
  }

  /** Someone takes the contact: it leaves the crisis banner and goes to assessing. */
  async take(actor: Actor, id: string, version: number): Promise<HotlineContactView> {
    const found = await this.require(id);
    if (found.takenById) throw new ConflictError('already_taken', 'Someone has already taken this contact', undefined, { takenBy: found.takenByName });
    await this.apply(found, version, { takenById: actor.userId, takenAt: this.clock.now(), ...(found.status === 'open' ? { status: 'assessing' as const } : {}) });
    await this.audit.record({ action: 'update', entityType: 'hotline_contact', entityId: id, details: { fields: ['takenBy'] } });
    return this.view(id);
  }

  async move(actor: Actor, id: string, dto: HotlineMoveDto): Promise<HotlineContactView> {
    const found = await this.require(id);
    if (dto.to === 'outcome') throw new ValidationFailedError([{ field: 'to', code: 'outcome_required', message: 'record the outcome through /outcome' }]);
    if (!canMoveHotlineContact(found.status, dto.to)) {
      throw new ConflictError('transition_not_allowed', `A ${found.status} contact cannot move to ${dto.to}`, [{ field: 'to', code: 'not_allowed', message: `${found.status} → ${dto.to} is not allowed` }]);
    }
    await this.apply(found, dto.version, { status: dto.to, ...(dto.to === 'assessing' && !found.takenById ? { takenById: actor.userId, takenAt: this.clock.now() } : {}) });
    await this.audit.record({ action: 'transition', entityType: 'hotline_contact', entityId: id, details: { from: found.status, to: dto.to } });
    return this.view(id);
  }

  /**
   * The outcome. A tip to the police or the Fiscalía follows the caller's consent, except a child at risk or imminent
   * harm (the ground is recorded on the contact and in the trail); it and a referral for assistance go out as a
   * referral of the case they concern (summary only), through the referrals area's own gate and history.
   */
  async outcome(actor: Actor, id: string, dto: HotlineOutcomeDto): Promise<HotlineContactView> {
    const found = await this.require(id);
    if (!canMoveHotlineContact(found.status, 'outcome')) throw new ConflictError('transition_not_allowed', `A ${found.status} contact already has its outcome`);
    if (dto.version !== found.version) throw new StaleVersionError(found.version);
    const errors: FieldError[] = [];
    const needsCase = dto.outcome !== 'information_only';
    const needsInstitution = dto.outcome === 'tip_sent' || dto.outcome === 'referral';
    if (needsCase && !dto.caseCode) errors.push({ field: 'caseCode', code: 'required', message: 'choose the case (a new one from this call, or an existing one)' });
    if (!needsCase && dto.caseCode) errors.push({ field: 'caseCode', code: 'not_applicable', message: 'information only concerns no case' });
    if (needsInstitution && !dto.institutionId) errors.push({ field: 'institutionId', code: 'required', message: 'choose the receiving institution' });
    if (!needsInstitution && dto.institutionId) errors.push({ field: 'institutionId', code: 'not_applicable', message: 'only a tip or a referral goes to an institution' });
    if (dto.outcome !== 'tip_sent' && dto.ground) errors.push({ field: 'ground', code: 'not_applicable', message: 'a ground applies only to a report to authorities' });
    if (dto.outcome === 'tip_sent' && dto.institutionId && !LAW_ENFORCEMENT.includes((await this.contacts.institutionType(dto.institutionId)) ?? '')) {
      errors.push({ field: 'institutionId', code: 'not_law_enforcement', message: 'a tip goes to the police or the Fiscalía' });
    }
    let ground = null;
    if (dto.outcome === 'tip_sent') {
      const decision = decideAuthorityReport({ consent: found.consentToAuthorities, ground: dto.ground ?? null, childInvolved: found.childInvolved });
      if (!decision.allowed) {
        errors.push(
          decision.reason === 'consent_required'
            ? { field: 'ground', code: 'consent_required', message: 'without the caller’s consent a report needs a child at risk or imminent harm as its ground' }
            : { field: 'ground', code: 'not_applicable', message: 'the caller consented: no ground is needed' },
        );
      } else ground = decision.ground;
    }
    if (errors.length) throw new ValidationFailedError(errors);

    const theCase = needsCase ? await this.access.requireCase(actor, dto.caseCode!, PERMISSIONS.casesRead) : null;
    let referralId: string | null = null;
    if (needsInstitution && theCase) {
      const referral = await this.referrals.create(actor, {
        caseCode: theCase.code,
        toInstitutionId: dto.institutionId!,
        purpose: dto.outcome === 'tip_sent' ? 'investigation' : 'protection',
        urgency: REFERRAL_URGENCY_OF[found.urgency],
        message: `Línea nacional ${found.code}${ground ? ` (sin consentimiento: ${ground})` : ''}`,
        sections: ['summary'],
      });
      referralId = referral.id;
    }
    const now = this.clock.now();
    await this.apply(found, dto.version, { status: 'outcome', outcome: dto.outcome, reportGround: ground, caseId: theCase?.id ?? null, referralId, outcomeAt: now });
    await this.audit.record({ action: 'transition', entityType: 'hotline_contact', entityId: id, details: { to: 'outcome', outcome: dto.outcome, ...(ground ? { ground } : {}), ...(referralId ? { referral: referralId } : {}) } });
    if (theCase) {
      // The case's trail, which its timeline shows: the call that concerns it (its code and type, never its content).
      await this.audit.record({ action: 'update', entityType: 'case', entityId: theCase.id, details: { section: 'hotline', hotlineContact: found.code, callType: found.callType, outcome: dto.outcome } });
    }
    return this.view(id);
  }

  /** What the case intake can take from the call: place, date, the indicators checklist; the operator adds the identity. */
  async casePrefill(id: string): Promise<HotlineCasePrefill> {
    const found = await this.require(id);
    const day = new Date(found.startedAt).toLocaleDateString('en-CA', { timeZone: 'America/Bogota' });
    const abroad = !!found.countryCode && found.countryCode !== 'CO';
    await this.audit.record({ action: 'read', entityType: 'hotline_contact', entityId: id, details: { section: 'case_prefill' } });
    return {
      case: {
        source: 'hotline',
        scope: abroad ? 'international' : 'internal',
        ...(abroad ? { direction: 'outbound' as const } : {}),
        identifiedOn: day,
        ...(found.municipalityCode ? { municipalityCode: found.municipalityCode } : found.departmentCode ? { departmentCode: found.departmentCode } : {}),
      },
      screening: { screenedOn: day, acts: found.acts, means: found.means, purposes: found.purposes, indicators: [], result: 'needs_more_information' },
      situation: { purposes: found.purposes },
    };
  }

  /** The calls tied to one case, for whoever may read the case (checked, read, audited). */
  async forCase(actor: Actor, code: string): Promise<HotlineContactView[]> {
    const rows = await this.access.readCase(actor, code, PERMISSIONS.casesRead, (found) => this.contacts.forCase(found.id), (r) => ({ section: 'hotline', count: r.length }));
    return rows.map((r) => toContactView(r, 0));
  }

  private async require(id: string): Promise<HotlineContactRow> {
    const found = await this.contacts.findById(id);
    if (!found) throw new NotFoundError('hotline_contact');
    return found;
  }

  private async apply(found: HotlineContactRow, version: number, changes: Parameters<HotlineContactsRepository['updateVersioned']>[2]): Promise<void> {
    if (version !== found.version || !(await this.contacts.updateVersioned(found.id, version, changes))) {
      throw new StaleVersionError((await this.contacts.currentVersion(found.id)) ?? undefined);
    }
  }

  private async view(id: string): Promise<HotlineContactView> {
    const found = await this.require(id);
    const earlier = found.phoneHash ? await this.contacts.earlierContacts(found.phoneHash, found.startedAt) : 0;
    return toContactView(found, earlier);
  }
}
