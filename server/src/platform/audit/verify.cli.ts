import 'reflect-metadata';
import { runCli, withOwnerDatabase } from '../database/cli-database';
import { sealPendingEvents, verifyAuditChain } from './audit-chain';

/** `npm run audit:verify`: seals pending events, recomputes the whole chain, exits 1 if any row was tampered with. */
runCli(async () => {
  const result = await withOwnerDatabase(async (manager) => {
    await sealPendingEvents(manager);
    return verifyAuditChain(manager);
  });
  if (result.ok) {
    process.stdout.write(`[ruta] Audit trail intact: ${result.checked} events verified, ${result.unsealed} not yet sealed\n`);
    return 0;
  }
  process.stdout.write(`[ruta] AUDIT TRAIL BROKEN at event ${result.brokenAt?.eventId} (${result.brokenAt?.reason}); ${result.checked} events verified before it\n`);
  return 1;
});
