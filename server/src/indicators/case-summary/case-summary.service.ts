import { Injectable, StreamableFile } from '@nestjs/common';
import { PERMISSIONS } from '@ruta/shared';
import { Actor, Clock } from '@ruta/platform';
import { CaseAccessService, CaseRecordsRepository } from '@ruta/cases';
import { attachment } from '../indicator-files.service';
import { caseSummaryPdf, CaseSummaryFacts, SummaryLanguage } from './case-summary.pdf';

/**
 * One case's summary as a PDF, for whoever may read the case: the case check answers 404 outside the reader's scope,
 * the read is audited on the case (section `summary_pdf`), and the file carries no name, document or whereabouts
 * (the same for every role, so a printed copy never holds more than a coordinator may see).
 */
@Injectable()
export class CaseSummaryService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly records: CaseRecordsRepository,
    private readonly clock: Clock,
  ) {}

  /** The summary as a download (`attachment`, `application/pdf`). */
  async file(actor: Actor, code: string, language: SummaryLanguage): Promise<StreamableFile> {
    const { content, fileName } = await this.pdf(actor, code, language);
    return attachment(content, 'application/pdf', fileName);
  }

  async pdf(actor: Actor, code: string, language: SummaryLanguage): Promise<{ content: Buffer; fileName: string }> {
    return this.access.readCase(
      actor,
      code,
      PERMISSIONS.casesRead,
      async (c) => {
        const events = await this.records.events(c.id);
        const facts: CaseSummaryFacts = {
          code: c.code,
          institution: c.ownerInstitution?.name ?? '',
          status: c.status,
          traffickingStatus: c.traffickingStatus,
          source: c.source,
          scope: c.scope,
          direction: c.direction,
          identifiedOn: c.identifiedOn,
          department: c.department?.name ?? null,
          municipality: c.municipality?.name ?? null,
          ageBand: c.ageBand,
          minorAtIdentification: c.minorAtIdentification,
          purposes: c.purposes,
          meansOfControl: c.meansOfControl,
          labourSector: c.labourSector,
          recruiterRelation: c.recruiterRelation,
          events: events.map((e) => ({
            kind: e.kind,
            countryCode: e.countryCode,
            department: e.department?.name ?? null,
            municipality: e.municipality?.name ?? null,
            startedOn: e.startedOn,
            endedOn: e.endedOn,
          })),
        };
        const content = await caseSummaryPdf(facts, language, this.clock.now());
        return { content, fileName: `${language === 'es' ? 'resumen' : 'summary'}-${c.code}.pdf` };
      },
      () => ({ section: 'summary_pdf', language }),
    );
  }
}
