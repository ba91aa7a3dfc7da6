import { Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { AuditAnchors, ChainHead } from './audit-anchors';
import { readChainHead, sealPendingEvents } from './audit-chain';
import { AuditSealer } from './audit-sealer.service';

jest.mock('./audit-chain', () => ({ sealPendingEvents: jest.fn(), readChainHead: jest.fn() }));

const head = (seq: number): ChainHead & { sealedAt: Date } => ({ seq: String(seq), eventId: String(seq), hash: String(seq % 10).repeat(64), sealedAt: new Date() });

describe('AuditSealer anchoring', () => {
  let now: number;
  let append: jest.Mock;
  let sealer: AuditSealer;

  beforeEach(() => {
    now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.mocked(sealPendingEvents).mockResolvedValue(1);
    append = jest.fn(async (h: ChainHead) => ({ ...h, events: Number(h.seq), at: new Date(now).toISOString() }));
    const transactions = { runAsSystem: (work: (m: EntityManager) => Promise<unknown>) => work({} as EntityManager) } as unknown as TransactionRunner;
    sealer = new AuditSealer(transactions, { append, file: '/data/audit-anchors.jsonl' } as unknown as AuditAnchors);
  });
  afterEach(() => jest.restoreAllMocks());

  const headIs = (seq: number | null) => jest.mocked(readChainHead).mockResolvedValue(seq === null ? null : head(seq));
  const anchoredSeqs = () => append.mock.calls.map(([h]) => (h as ChainHead).seq);

  it('anchors the head at its first run, then at most every ten seconds while the head moves', async () => {
    headIs(5);
    await sealer.sealNow();
    headIs(6);
    now += 4_000;
    await sealer.sealNow();
    headIs(7);
    now += 6_000;
    await sealer.sealNow();
    expect(anchoredSeqs()).toEqual(['5', '7']);
  });

  it('does not anchor a head it already anchored, nor an empty chain', async () => {
    headIs(null);
    await sealer.sealNow();
    headIs(5);
    await sealer.sealNow();
    now += 60_000;
    await sealer.sealNow();
    expect(anchoredSeqs()).toEqual(['5']);
  });

  it('anchors at once before a verification', async () => {
    headIs(5);
    await sealer.sealNow();
    headIs(6);
    now += 1_000;
    await sealer.sealAndAnchor();
    expect(anchoredSeqs()).toEqual(['5', '6']);
  });

  it('anchors the head it has not anchored yet when the application shuts down', async () => {
    headIs(5);
    await sealer.sealNow();
    headIs(6);
    await sealer.sealNow();
    await sealer.onApplicationShutdown();
    expect(anchoredSeqs()).toEqual(['5', '6']);
  });

  it('logs the anchor with its head hash, and an anchor it could not write, without failing the sealing', async () => {
    append.mockRejectedValueOnce(new Error('EACCES: permission denied'));
    headIs(5);
    await expect(sealer.sealNow()).resolves.toBe(1);
    expect(Logger.prototype.error).toHaveBeenCalledWith('Audit anchor not written to /data/audit-anchors.jsonl: EACCES: permission denied');
    now += 10_000;
    await sealer.sealNow();
    expect(Logger.prototype.log).toHaveBeenCalledWith(`Audit chain anchored: seal 5, head hash ${'5'.repeat(64)}, 5 events sealed`);
  });
});
