import { Injectable } from '@nestjs/common';
import { PERMISSIONS, TimelineEntry } from '@ruta/shared';
import { Actor } from '@ruta/platform';
import { CaseAccessService } from '../core';
import { CaseTimelineRepository } from './case-timeline.repository';

const TIMELINE_LIMIT = 300;

@Injectable()
export class CaseTimelineService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly timeline: CaseTimelineRepository,
  ) {}

  /** Newest first: status moves, audited changes (field names, identity masked), notes and documents. */
  async list(actor: Actor, code: string): Promise<TimelineEntry[]> {
    const rows = await this.access.readCase(actor, code, PERMISSIONS.casesRead, (found) => this.timeline.list(found.id, TIMELINE_LIMIT), (r) => ({ section: 'timeline', count: r.length }));
    return rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      kind: r.kind,
      action: r.action,
      actor: r.actorId ? { id: r.actorId, name: r.actorName ?? '' } : null,
      details: r.details ?? {},
    }));
  }
}
