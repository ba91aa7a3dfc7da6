import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EXPORT_INLINE_MAX_ROWS, EXPORT_LINK_HOURS, ExportJobView, PERMISSIONS } from '@ruta/shared';
import { Actor, AuditService, can, DomainError, ForbiddenError, NotFoundError } from '@ruta/platform';
import { Clock } from '@ruta/platform';
import { CreateExportDto } from '../dto/indicator-requests.dto';
import { buildExportFile, CONTENT_TYPES, exportCells, exportHeaders } from './export-file';
import { ExportJobEntity } from './export-job.entity';
import { ExportFilter, ExportJobsRepository } from './export-jobs.repository';

export function exportFileName(job: Pick<ExportJobEntity, 'id' | 'format'>, at: Date): string {
  return `ruta-casos-${at.toISOString().slice(0, 10)}-${job.id.slice(0, 8)}.${job.format}`;
}

/**
 * Exports of the case list the user can see. Which cases is decided in the request, under the requester's row-level
 * security; small exports are built there, large ones queued for the export job. An identified export (names) needs
 * `cases:export` and identity access, and a reason; every export is audited, and so is every download.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly jobs: ExportJobsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, dto: CreateExportDto): Promise<ExportJobView> {
    const identified = dto.identified === true;
    if (identified && !(can(actor, PERMISSIONS.casesExport) && can(actor, PERMISSIONS.victimIdentityRead))) {
      throw new ForbiddenError('export_not_allowed', 'Your role does not allow exports with identity');
    }
    const filter: ExportFilter = {
      from: dto.from,
      to: dto.to,
      status: dto.status,
      statuses: dto.statuses,
      institutionIds: dto.institutionIds,
      purposes: dto.purposes,
      departmentCode: dto.departmentCode,
      minor: dto.minor,
      code: dto.code,
      createdFrom: dto.createdFrom,
      createdTo: dto.createdTo,
      assignedTo: dto.assignedToMe ? actor.userId : undefined,
    };
    const language = dto.language ?? 'es';
    const base = { requestedById: actor.userId, institutionId: actor.institutionId, format: dto.format, identified, reason: dto.reason ?? null, language };
    const total = await this.jobs.countCases(filter);
    const id = randomUUID();
    const now = this.clock.now();
    if (total <= EXPORT_INLINE_MAX_ROWS) {
      const rows = await this.jobs.readCases(filter, identified);
      const content = await buildExportFile(dto.format, exportHeaders(identified, language), rows.map((r) => exportCells(r, identified, language)));
      await this.jobs.insertReady({ ...base, id, caseIds: rows.map((r) => r.id), total: rows.length, processed: rows.length, content, fileName: exportFileName({ id, format: dto.format }, now), expiresAt: this.expiry(now) });
    } else {
      await this.jobs.insertQueued({ ...base, id }, filter);
    }
    await this.audit.record({
      action: 'export',
      entityType: 'export_job',
      entityId: id,
      details: { format: dto.format, identified, total, filters: Object.keys(filter).filter((k) => filter[k as keyof ExportFilter] !== undefined), ...(identified ? { reason: 'given' } : {}), background: total > EXPORT_INLINE_MAX_ROWS },
    });
    return this.get(actor, id);
  }

  async get(_actor: Actor, id: string): Promise<ExportJobView> {
    const job = await this.jobs.findMine(id);
    if (!job) throw new NotFoundError('export');
    return this.toView(job);
  }

  async list(actor: Actor): Promise<ExportJobView[]> {
    return (await this.jobs.listMine(actor.userId)).map((j) => this.toView(j));
  }

  async download(actor: Actor, id: string): Promise<{ content: Buffer; fileName: string; contentType: string }> {
    const job = await this.jobs.findMine(id);
    if (!job) throw new NotFoundError('export');
    if (job.status !== 'ready') throw new DomainError('export_not_ready', 409, 'The export is not ready yet');
    if (!job.expiresAt || job.expiresAt <= this.clock.now()) throw new DomainError('export_expired', 410, 'The download link has expired; export again');
    const file = await this.jobs.fileOf(id);
    if (!file) throw new DomainError('export_expired', 410, 'The download link has expired; export again');
    await this.audit.record({ action: 'read', entityType: 'export_job', entityId: id, details: { section: 'download', identified: job.identified, total: job.total } });
    void actor;
    return { content: file.content, fileName: file.fileName, contentType: CONTENT_TYPES[file.format] };
  }

  expiry(from: Date): Date {
    return new Date(from.getTime() + EXPORT_LINK_HOURS * 3_600_000);
  }

  private toView(job: ExportJobEntity): ExportJobView {
    const live = job.status === 'ready' && job.expiresAt !== null && job.expiresAt > this.clock.now();
    return {
      id: job.id,
      format: job.format,
      identified: job.identified,
      status: job.status,
      total: job.total,
      processed: job.processed,
      createdAt: job.createdAt.toISOString(),
      expiresAt: job.expiresAt ? job.expiresAt.toISOString() : null,
      downloadUrl: live ? `/api/indicators/exports/${job.id}/file` : null,
    };
  }
}
