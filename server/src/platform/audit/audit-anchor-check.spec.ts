import { EntityManager } from 'typeorm';
import { AuditAnchorView } from '@ruta/shared';
import { checkAnchors, describeAnchorBreak } from './audit-anchor-check';
import { AnchorLine } from './audit-anchors';

const hash = (c: string) => c.repeat(64);
const anchor = (seq: number, h: string): AuditAnchorView => ({ seq: String(seq), eventId: String(seq + 100), hash: hash(h), events: seq, at: '2026-03-01T10:00:00.000Z' });

/** A manager whose audit_seals holds seals 1..n with the given hash characters. */
function sealsOf(hashes: string): EntityManager {
  const query = jest.fn(async (_sql: string, [seqs]: [string[]]) =>
    seqs.filter((seq) => Number(seq) <= hashes.length).map((seq) => ({ seq, eventId: String(Number(seq) + 100), hash: hash(hashes[Number(seq) - 1]) })),
  );
  return { query } as unknown as EntityManager;
}

async function* fileOf(...lines: (AuditAnchorView | string)[]): AsyncGenerator<AnchorLine> {
  for (const [index, line] of lines.entries()) yield typeof line === 'string' ? { line: index + 1, invalid: line } : { line: index + 1, anchor: line };
}

describe('checkAnchors', () => {
  it('agrees when every anchored seal still has its hash, the same seal anchored twice included', async () => {
    const report = await checkAnchors(sealsOf('abcde'), fileOf(anchor(2, 'b'), anchor(4, 'd'), anchor(4, 'd'), anchor(3, 'c')));
    expect(report).toEqual({ checked: 4, newest: anchor(4, 'd') });
  });

  it('names the first anchored seal whose hash changed (a rewritten and re-sealed chain)', async () => {
    const report = await checkAnchors(sealsOf('abXYZ'), fileOf(anchor(2, 'b'), anchor(3, 'c'), anchor(5, 'e')));
    expect(report.brokenAt).toEqual({ line: 2, seq: '3', eventId: '103', reason: 'anchor_mismatch' });
  });

  it('names the newest anchored seal that no longer exists (a truncated chain)', async () => {
    const report = await checkAnchors(sealsOf('abc'), fileOf(anchor(2, 'b'), anchor(5, 'e'), anchor(4, 'd')));
    expect(report).toMatchObject({ newest: anchor(5, 'e'), brokenAt: { line: 2, seq: '5', reason: 'anchor_missing' } });
    expect(describeAnchorBreak(report.brokenAt!, 3)).toContain('anchored seal 5 (event 105, anchor line 2) no longer exists; the chain now ends at seal 3');
  });

  it('reports a rewrite before a truncation, since the rewrite is where the chain first goes wrong', async () => {
    const report = await checkAnchors(sealsOf('aXY'), fileOf(anchor(5, 'e'), anchor(2, 'b')));
    expect(report.brokenAt).toMatchObject({ seq: '2', reason: 'anchor_mismatch' });
  });

  it('reports a line that is not a valid anchor when no seal disagrees', async () => {
    const report = await checkAnchors(sealsOf('ab'), fileOf(anchor(1, 'a'), 'MAC does not verify'));
    expect(report.brokenAt).toEqual({ line: 2, seq: null, eventId: null, reason: 'anchor_invalid' });
  });

  it('has nothing to compare without anchors', async () => {
    expect(await checkAnchors(sealsOf('ab'), fileOf())).toEqual({ checked: 0, newest: null });
  });
});
