import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { runCli, withOwnerDatabase } from '../database/cli-database';
import { describeAnchorBreak, verifyAuditTrail } from './audit-anchor-check';
import { AuditAnchors } from './audit-anchors';
import { readChainHead, sealPendingEvents } from './audit-chain';

/**
 * `npm run audit:verify`: seals pending events, anchors the head, recomputes the whole chain and holds it against the
 * anchor file; exits 1 if any row was tampered with or the chain disagrees with an anchor (rewritten or truncated).
 */
runCli(async () => {
  const anchors = AuditAnchors.fromConfig(loadConfig());
  const result = await withOwnerDatabase(async (manager) => {
    await sealPendingEvents(manager);
    const head = await readChainHead(manager);
    const verification = await verifyAuditTrail(manager, anchors);
    // Anchored only once it held: a head that disagrees with the anchors is evidence, not a new reference point.
    if (head && verification.ok) await anchors.append(head);
    return verification;
  });
  const out = (line: string) => process.stdout.write(`[ruta] ${line}\n`);
  if (result.brokenAt) {
    out(`AUDIT TRAIL BROKEN at event ${result.brokenAt.eventId} (${result.brokenAt.reason}); ${result.checked} events verified before it`);
  }
  if (result.anchors.brokenAt) {
    out(`AUDIT TRAIL BROKEN against its anchors (${result.anchors.brokenAt.reason}): ${describeAnchorBreak(result.anchors.brokenAt, result.checked)}`);
  }
  if (!result.ok) return 1;
  out(`Audit trail intact: ${result.checked} events verified, ${result.unsealed} not yet sealed`);
  const newest = result.anchors.newest;
  out(
    newest
      ? `Anchors agree: ${result.anchors.checked} anchors in ${anchors.file}, the newest for seal ${newest.seq} at ${newest.at}`
      : `No anchors in ${anchors.file} yet: the chain was not checked against a copy outside the database`,
  );
  return 0;
});
