import { Injectable } from '@nestjs/common';
import { CaseStatus, DisclosureRecord, PERMISSIONS, SharedCaseView } from '@ruta/shared';
import { Actor, AuditService, ForbiddenError, NotFoundError } from '@ruta/platform';
import { CaseAccessService, CaseRecordsRepository, toEventView, toVictimView, VictimsRepository } from '@ruta/cases';
import { institutionRef, InstitutionsRepository, userRef } from '@ruta/identity';
import { disclosurePdf, DisclosureLanguage } from '../disclosure/disclosure-pdf';
import { Clock } from '@ruta/platform';
import { ReferralsRepository } from './referrals.repository';
import { ReferralsService } from './referrals.service';

/**
 * What of a case crosses to the receiving institution: only the sections its referral shares, read through the
 * row-level security that opens exactly those (the `ruta_referral_shares()` arm of the victims', events' and
 * documents' SELECT policies, `ruta_referral_case()`); and, for the
 * sending side, the disclosure record of who received what (Law 1581/2012).
 */
@Injectable()
export class ReferralSharingService {
  constructor(
    private readonly referrals: ReferralsRepository,
    private readonly service: ReferralsService,
    private readonly access: CaseAccessService,
    private readonly victims: VictimsRepository,
    private readonly records: CaseRecordsRepository,
    private readonly institutions: InstitutionsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The limited case view of the receiving institution; 404 once the referral is closed or its consent revoked. */
  async sharedCase(actor: Actor, id: string): Promise<SharedCaseView> {
    const found = await this.service.require(actor, id);
    if (found.toInstitutionId !== actor.institutionId) throw new ForbiddenError('not_receiver', 'Only the receiving institution opens the shared case');
    const row = ReferralsService.isOpenTo(found, actor.institutionId) ? await this.referrals.sharedCase(id) : null;
    if (!row) throw new NotFoundError('shared case');
    const owner = await this.institutions.findById(row.ownerInstitutionId);
    const view: SharedCaseView = {
      referralId: id,
      sections: found.sections,
      summary: {
        code: row.code,
        status: row.status as CaseStatus,
        ageBand: row.ageBand as SharedCaseView['summary']['ageBand'],
        minorAtIdentification: row.minorAtIdentification,
        purposes: row.purposes as SharedCaseView['summary']['purposes'],
        departmentCode: row.departmentCode,
        municipalityCode: row.municipalityCode,
        identifiedOn: row.identifiedOn,
        ownerInstitution: owner ? institutionRef(owner) : { id: row.ownerInstitutionId, code: '', name: '' },
      },
    };
    if (found.sections.includes('identity')) {
      const victim = await this.victims.find(found.caseId);
      if (victim) {
        const { shelterLocation: _never, ...identity } = toVictimView(victim, null, false);
        view.identity = identity;
      }
    }
    if (found.sections.includes('situation')) {
      view.situation = {
        labourSector: row.labourSector as never,
        sexualExploitationType: row.sexualExploitationType as never,
        meansOfControl: (row.meansOfControl ?? []) as never,
        recruiterRelation: row.recruiterRelation as never,
        recruitmentMethod: row.recruitmentMethod as never,
        events: (await this.records.events(found.caseId)).map(toEventView),
      };
    }
    if (found.sections.includes('documents')) {
      view.documents = (await this.referrals.sharedDocuments(id)).map((d) => ({ id: d.id, kind: d.kind, contentType: d.contentType, sizeBytes: d.sizeBytes, createdAt: d.createdAt.toISOString() }));
    }
    if (!(await this.referrals.hasOpened(id, actor.userId))) {
      await this.referrals.insertEvent({ referralId: id, kind: 'opened', byUserId: actor.userId, byInstitutionId: actor.institutionId });
    }
    await this.audit.record({ action: 'read', entityType: 'case', entityId: found.caseId, details: { section: 'shared_case', referral: id, sections: found.sections } });
    return view;
  }

  /** The disclosure record as a one-page PDF, in Spanish or English; audited as the read it is. */
  async disclosurePdf(actor: Actor, code: string, language: DisclosureLanguage): Promise<Buffer> {
    return disclosurePdf(await this.disclosure(actor, code, 'pdf'), language);
  }

  /** Per case: which institution received which sections, when, on which consent or ground, and who opened them. */
  async disclosure(actor: Actor, code: string, format: 'json' | 'pdf' = 'json'): Promise<DisclosureRecord> {
    const rows = await this.access.readCase(actor, code, PERMISSIONS.referralsRead, (found) => this.referrals.ofCase(found.id), (r) => ({ section: 'referrals', count: r.length, format }));
    const sent = rows.filter((r) => r.sentAt);
    const openings = await this.referrals.openings(sent.map((r) => r.id));
    const documents = await this.referrals.documentCounts(sent.map((r) => r.id));
    return {
      caseCode: code.toUpperCase(),
      generatedAt: this.clock.now().toISOString(),
      entries: sent.map((r) => ({
        referralId: r.id,
        to: institutionRef(r.toInstitution!),
        sections: r.sections,
        documentCount: documents.get(r.id) ?? 0,
        sentAt: r.sentAt!.toISOString(),
        sentBy: userRef(r.createdBy, r.createdById),
        consent: r.consentId ? { id: r.consentId, grantedAt: r.consent?.grantedAt.toISOString() ?? '' } : null,
        override: r.overrideGround,
        status: r.status,
        accessEndedAt: r.accessEndedAt?.toISOString() ?? null,
        openedBy: openings.filter((o) => o.referralId === r.id).map((o) => ({ user: userRef(o.byUser, o.byUserId!), at: o.at.toISOString() })),
      })),
    };
  }
}
