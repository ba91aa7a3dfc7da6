import { Injectable } from '@nestjs/common';
import { GraphNodeKind, LinkGraph, PERMISSIONS } from '@ruta/shared';
import { Actor, AuditService, NotFoundError } from '@ruta/platform';
import { CaseAccessService } from '@ruta/cases';
import { LinkGraphRepository } from './link-graph.repository';

/**
 * The link chart (i2-style): a node and its neighbours, one hop at a time, from the records the reader may see only
 * (row-level security on every link table and both ends; a case node only in the reader's case scope).
 */
@Injectable()
export class LinkGraphService {
  constructor(
    private readonly graph: LinkGraphRepository,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
  ) {}

  async around(actor: Actor, node: string): Promise<LinkGraph> {
    const at = node.indexOf(':');
    const [kind, key] = [node.slice(0, at).toLowerCase() as GraphNodeKind, node.slice(at + 1)];
    let id = key;
    let label: string | null;
    if (kind === 'case') {
      const found = await this.access.requireCase(actor, key, PERMISSIONS.proceedingsRead);
      [id, label] = [found.id, found.code];
    } else {
      label = await this.graph.label(kind, key);
    }
    if (!label) throw new NotFoundError('record');
    const rows = await this.graph.neighbours(kind, id);
    const centre = `${kind}:${kind === 'case' ? label : key}`;
    await this.audit.record({ action: 'read', entityType: 'link_graph', entityId: id, details: { node: kind, neighbours: rows.length } });
    return {
      nodes: [{ id: centre, kind, label }, ...rows.map((r) => ({ id: `${r.kind}:${r.key}`, kind: r.kind, label: r.label }))],
      edges: rows.map((r) => ({ source: centre, target: `${r.kind}:${r.key}` })),
    };
  }
}
