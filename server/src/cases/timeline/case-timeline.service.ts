import { Injectable } from '@nestjs/common';
import { PERMISSIONS, TimelineEntry } from '@ruta/shared';
import { Actor, AuditService } from '@ruta/platform';
import { CaseAccessService } from '../core';
import { CaseTimelineRepository } from './case-timeline.repository';

const TIMELINE_LIMIT = 300;

@Injectable()
export class CaseTimelineService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly timeline: CaseTimelineRepository,
    private readonly audit: AuditService,
  ) {}

  /** Newest first: status moves, audited changes (field names, identity masked), notes and documents. */
  async list(actor: Actor, code: string): Promise<TimelineEntry[]> {
    const found = await this.access.requireCase(actor, code, PERMISSIONS.casesRead);
    const rows = await this.timeline.list(found.id, TIMELINE_LIMIT);
    await this.audit.record({ action: 'read', entityType: 'case', entityId: found.id, details: { section: 'timeline', count: rows.length } });
    return rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      kind: r.kind,
      action: r.action,
      actor: r.actorId ? { id: r.actorId, name: r.actorName ?? '' } : null,
      details: r.details ?? {},
    }));
  }
}
