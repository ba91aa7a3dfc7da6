import { Injectable } from '@nestjs/common';
import { CaseNoteView, PERMISSIONS } from '@ruta/shared';
import { Actor, AuditService } from '@ruta/platform';
import { CaseAccessService } from '../core';
import { institutionRef, userRef } from '@ruta/identity';
import { CaseNoteEntity } from './case-note.entity';
import { CaseNotesRepository } from './case-notes.repository';
import { CaseNoteDto } from './dto/case-note.dto';

function toNoteView(n: CaseNoteEntity): CaseNoteView {
  return { id: n.id, body: n.body, restricted: n.restricted, author: userRef(n.author, n.authorId), authorInstitution: institutionRef(n.authorInstitution!), createdAt: n.createdAt.toISOString() };
}

@Injectable()
export class CaseNotesService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly notes: CaseNotesRepository,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, code: string): Promise<CaseNoteView[]> {
    const rows = await this.access.readCase(actor, code, PERMISSIONS.notesRead, (found) => this.notes.list(found.id), (r) => ({ section: 'notes', count: r.length }));
    return rows.map(toNoteView);
  }

  async create(actor: Actor, code: string, dto: CaseNoteDto): Promise<CaseNoteView[]> {
    const found = await this.access.requireCase(actor, code, PERMISSIONS.notesCreate);
    const id = await this.notes.insert({ caseId: found.id, authorId: actor.userId, authorInstitutionId: actor.institutionId, restricted: dto.restricted ?? false, body: dto.body });
    await this.audit.record({ action: 'update', entityType: 'case', entityId: found.id, details: { fields: ['notes'], note: id, restricted: dto.restricted ?? false } });
    return this.list(actor, code);
  }
}
