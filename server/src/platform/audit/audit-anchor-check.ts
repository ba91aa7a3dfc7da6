import { EntityManager } from 'typeorm';
import { AuditAnchorReport, AuditVerifyResponse } from '@ruta/shared';
import { AnchorLine, AuditAnchors } from './audit-anchors';
import { verifyAuditChain } from './audit-chain';

const BATCH = 5000;

type Break = NonNullable<AuditAnchorReport['brokenAt']>;

/**
 * Compares every anchor line with the seal it names. A rewrite that re-sealed the chain changes the hash of every
 * later seal, so the anchors after it no longer match (`anchor_mismatch`, the lowest such seal is reported: the
 * rewrite is at or before it); deleting the newest events and their seals leaves anchored seals that no longer exist
 * (`anchor_missing`, the newest such seal is reported: that much was lost at least). Then the first line that is not
 * an anchor. The same seal anchored twice (several instances) is checked twice. Needs a system transaction.
 */
export async function checkAnchors(manager: EntityManager, lines: AsyncIterable<AnchorLine>): Promise<AuditAnchorReport> {
  const report: AuditAnchorReport = { checked: 0, newest: null };
  let invalid: Break | undefined;
  let mismatch: Break | undefined;
  let missing: Break | undefined;
  let batch: Extract<AnchorLine, { anchor: unknown }>[] = [];

  const compare = async () => {
    const rows: { seq: string; eventId: string; hash: string }[] = await manager.query(
      `SELECT seq::text AS seq, "eventId"::text AS "eventId", hash FROM audit_seals WHERE seq = ANY($1::bigint[])`,
      [[...new Set(batch.map((b) => b.anchor.seq))]],
    );
    const seals = new Map(rows.map((row) => [row.seq, row]));
    for (const { line, anchor } of batch) {
      const seal = seals.get(anchor.seq);
      report.checked += 1;
      if (!seal) {
        if (!missing || BigInt(anchor.seq) > BigInt(missing.seq!)) missing = { line, seq: anchor.seq, eventId: anchor.eventId, reason: 'anchor_missing' };
      } else if (seal.hash !== anchor.hash || seal.eventId !== anchor.eventId) {
        if (!mismatch || BigInt(anchor.seq) < BigInt(mismatch.seq!)) mismatch = { line, seq: anchor.seq, eventId: anchor.eventId, reason: 'anchor_mismatch' };
      }
    }
    batch = [];
  };

  for await (const entry of lines) {
    if ('invalid' in entry) {
      invalid ??= { line: entry.line, seq: null, eventId: null, reason: 'anchor_invalid' };
      continue;
    }
    if (!report.newest || BigInt(entry.anchor.seq) > BigInt(report.newest.seq)) report.newest = entry.anchor;
    batch.push(entry);
    if (batch.length >= BATCH) await compare();
  }
  if (batch.length > 0) await compare();
  const brokenAt = mismatch ?? missing ?? invalid;
  return brokenAt ? { ...report, brokenAt } : report;
}

/** The whole verification: recomputes the chain, then holds it against the anchors kept outside the database. */
export async function verifyAuditTrail(manager: EntityManager, anchors: AuditAnchors): Promise<AuditVerifyResponse> {
  const chain = await verifyAuditChain(manager);
  const report = await checkAnchors(manager, anchors.lines());
  return { ...chain, ok: chain.ok && !report.brokenAt, anchors: report };
}

/** One line for logs and the command line naming the anchor the chain disagrees with. */
export function describeAnchorBreak(brokenAt: Break, chainLength: number): string {
  switch (brokenAt.reason) {
    case 'anchor_mismatch':
      return `seal ${brokenAt.seq} (event ${brokenAt.eventId}) no longer has the hash it was anchored with (anchor line ${brokenAt.line}): events were rewritten and re-sealed`;
    case 'anchor_missing':
      return `anchored seal ${brokenAt.seq} (event ${brokenAt.eventId}, anchor line ${brokenAt.line}) no longer exists; the chain now ends at seal ${chainLength}: events were deleted`;
    case 'anchor_invalid':
      return `anchor line ${brokenAt.line} is not an anchor written with this server's key (altered, forged, or written under another RUTA_SECRET_KEY)`;
  }
}
