import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditVerifyResponse } from '@ruta/shared';
import type { ChainHead } from './audit-anchors';

export const GENESIS_HASH = '0'.repeat(64);
const SEALER_LOCK = 7_261_001;
const BATCH = 5000;
/** Events may commit out of id order; the sealer looks this far back for late arrivals. */
const LATE_WINDOW = 10_000;

/**
 * The events after `$1` with no seal yet, in id order. The seals' side carries the same bound: without it the planner
 * merges the window's events with every seal ever written (2.6 s per run over 10 million seals, all the time the
 * sealer ran); with it both sides are the window's ten thousand rows (the performance spec EXPLAINs it).
 */
export const PENDING_EVENTS_SQL = `SELECT e.id, ruta_audit_canonical(e) AS canonical FROM audit_events e
  WHERE e.id > $1 AND NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s."eventId" = e.id AND s."eventId" > $1)
  ORDER BY e.id LIMIT ${BATCH}`;

export function sealHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(`${prevHash}|${canonical}`).digest('hex');
}

/**
 * Chains the events written since the last run, in the order the sealer finds them. Requests never wait for it:
 * they only INSERT events; one sealer at a time (a transaction-level advisory lock) appends seals shortly after.
 * Needs a transaction with `ruta.system = on`. Returns how many events it sealed.
 */
export async function sealPendingEvents(manager: EntityManager): Promise<number> {
  const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [SEALER_LOCK]);
  if (!locked) return 0;
  let sealed = 0;
  for (;;) {
    const [last] = await manager.query(`SELECT seq, "eventId", hash FROM audit_seals ORDER BY seq DESC LIMIT 1`);
    const rows: { id: string; canonical: string }[] = await manager.query(PENDING_EVENTS_SQL, [last ? Math.max(0, Number(last.eventId) - LATE_WINDOW) : 0]);
    if (rows.length === 0) return sealed;
    let prevHash: string = last?.hash ?? GENESIS_HASH;
    let seq = last ? BigInt(last.seq) : 0n;
    const seqs: string[] = [];
    const eventIds: string[] = [];
    const prevHashes: string[] = [];
    const hashes: string[] = [];
    for (const row of rows) {
      seq += 1n;
      const hash = sealHash(prevHash, row.canonical);
      seqs.push(seq.toString());
      eventIds.push(row.id);
      prevHashes.push(prevHash);
      hashes.push(hash);
      prevHash = hash;
    }
    await manager.query(
      `INSERT INTO audit_seals (seq, "eventId", "prevHash", hash) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::char(64)[], $4::char(64)[])`,
      [seqs, eventIds, prevHashes, hashes],
    );
    sealed += rows.length;
    if (rows.length < BATCH) return sealed;
  }
}

/** The newest seal, or null before the first. Needs a transaction with `ruta.system = on` (or audit:read). */
export async function readChainHead(manager: EntityManager): Promise<(ChainHead & { sealedAt: Date }) | null> {
  // Ordered by the bigint column, not by the text alias of the same name.
  const [head] = await manager.query(
    `SELECT s.seq::text AS seq, s."eventId"::text AS "eventId", s.hash, s."sealedAt" FROM audit_seals s ORDER BY s.seq DESC LIMIT 1`,
  );
  return head ? { seq: head.seq, eventId: head.eventId, hash: head.hash, sealedAt: new Date(head.sealedAt) } : null;
}

export type ChainVerification = Omit<AuditVerifyResponse, 'anchors'>;

/** Walks the whole chain and recomputes every seal. Needs a transaction with `ruta.system = on`. */
export async function verifyAuditChain(manager: EntityManager): Promise<ChainVerification> {
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows: { seq: string; eventId: string; prevHash: string; hash: string; canonical: string | null }[] = await manager.query(
      `SELECT s.seq, s."eventId", s."prevHash", s.hash, CASE WHEN e.id IS NULL THEN NULL ELSE ruta_audit_canonical(e) END AS canonical
       FROM audit_seals s LEFT JOIN audit_events e ON e.id = s."eventId"
       WHERE s.seq >= $1 ORDER BY s.seq LIMIT ${BATCH}`,
      [expectedSeq.toString()],
    );
    for (const row of rows) {
      if (BigInt(row.seq) !== expectedSeq || row.prevHash !== prevHash) {
        return { ok: false, checked, unsealed: await countUnsealed(manager), brokenAt: { eventId: row.eventId, reason: 'chain_gap' } };
      }
      if (row.canonical === null) {
        return { ok: false, checked, unsealed: await countUnsealed(manager), brokenAt: { eventId: row.eventId, reason: 'missing_event' } };
      }
      if (sealHash(prevHash, row.canonical) !== row.hash) {
        return { ok: false, checked, unsealed: await countUnsealed(manager), brokenAt: { eventId: row.eventId, reason: 'hash_mismatch' } };
      }
      prevHash = row.hash;
      expectedSeq += 1n;
      checked += 1;
    }
    if (rows.length < BATCH) break;
  }
  return { ok: true, checked, unsealed: await countUnsealed(manager) };
}

async function countUnsealed(manager: EntityManager): Promise<number> {
  const [{ n }] = await manager.query(
    `SELECT count(*)::int AS n FROM audit_events e WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s."eventId" = e.id)`,
  );
  return n;
}
