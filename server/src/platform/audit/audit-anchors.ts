import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { AuditAnchorView } from '@ruta/shared';
import { RutaConfig } from '../config/config';
import { resolveSecretKey } from '../config/secret-key';

const VERSION = 'v1';
const HEX64 = /^[0-9a-f]{64}$/;
const DIGITS = /^[1-9]\d{0,18}$/;
/** How much of the file's end `newest()` reads: many lines, so that several instances' interleaved lines fit. */
const TAIL_BYTES = 64 * 1024;

/** The newest seal of the chain, as the sealer reads it. */
export interface ChainHead {
  seq: string;
  eventId: string;
  hash: string;
}

/** One line of the anchor file, numbered from 1: an anchor whose MAC verified, or why it is not one. */
export type AnchorLine = { line: number; anchor: AuditAnchorView } | { line: number; invalid: string };

/**
 * The chain's anchors outside the database: an append-only JSON-lines file, one line per exported head
 * (`{"seq","eventId","hash","events","at","mac"}`). The MAC is an HMAC-SHA256 under a key derived from the server's
 * secret key, so the database's owner (who has neither the file nor the key) can neither forge nor rewrite a line.
 * Each anchor is one `write` of a whole line to a file opened with O_APPEND, so several instances may share the file;
 * they may write the same seal twice or out of order, which readers accept.
 */
export class AuditAnchors {
  readonly file: string;
  private readonly key: Buffer;

  /** The file of AUDIT_ANCHOR_FILE (default: in RUTA_DATA_DIR), MAC'd under the server's secret key. */
  static fromConfig(config: RutaConfig): AuditAnchors {
    return new AuditAnchors(config.auditAnchorFile, resolveSecretKey(config));
  }

  constructor(file: string, secretKey: Buffer) {
    this.file = resolve(file);
    this.key = Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'ruta audit anchors v1', 32));
  }

  /** Appends the head as one anchor line (creating the file and its folder, owner-only) and flushes it to disk. */
  async append(head: ChainHead, at = new Date()): Promise<AuditAnchorView> {
    const anchor: AuditAnchorView = { seq: head.seq, eventId: head.eventId, hash: head.hash, events: Number(head.seq), at: at.toISOString() };
    const line = `${JSON.stringify({ ...anchor, mac: this.mac(anchor) })}\n`;
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    const handle = await open(this.file, 'a', 0o600);
    try {
      await handle.write(line);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    return anchor;
  }

  /** The line `append` writes for `anchor`, MAC'd under this instance's key (a key rotation re-signs the file with it). */
  format(anchor: AuditAnchorView): string {
    return `${JSON.stringify({ ...anchor, mac: this.mac(anchor) })}\n`;
  }

  /** Every line of the file in order; nothing when the file does not exist. Streams, so a long history is fine. */
  async *lines(): AsyncGenerator<AnchorLine> {
    if (!(await this.exists())) return;
    const reader = createInterface({ input: createReadStream(this.file, 'utf8'), crlfDelay: Infinity });
    let line = 0;
    for await (const text of reader) {
      line += 1;
      if (text.trim() === '') continue;
      yield this.parse(line, text);
    }
  }

  /** The anchor with the highest seal number near the end of the file (where the newest lines are), or null. */
  async newest(): Promise<AuditAnchorView | null> {
    if (!(await this.exists())) return null;
    const { size } = await stat(this.file);
    const length = Math.min(size, TAIL_BYTES);
    const handle = await open(this.file, 'r');
    let text: string;
    try {
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      text = buffer.toString('utf8');
    } finally {
      await handle.close();
    }
    // The first line of a partial read may be cut; it then fails to parse and is skipped like any other bad line.
    let newest: AuditAnchorView | null = null;
    for (const raw of text.split('\n')) {
      if (raw.trim() === '') continue;
      const parsed = this.parse(0, raw);
      if ('anchor' in parsed && (!newest || BigInt(parsed.anchor.seq) > BigInt(newest.seq))) newest = parsed.anchor;
    }
    return newest;
  }

  private async exists(): Promise<boolean> {
    return stat(this.file).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
  }

  private parse(line: number, text: string): AnchorLine {
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(text);
    } catch {
      return { line, invalid: 'not JSON' };
    }
    const { seq, eventId, hash, events, at, mac } = value ?? {};
    if (
      typeof seq !== 'string' || !DIGITS.test(seq) ||
      typeof eventId !== 'string' || !DIGITS.test(eventId) ||
      typeof hash !== 'string' || !HEX64.test(hash) ||
      typeof events !== 'number' || !Number.isSafeInteger(events) ||
      typeof at !== 'string' || Number.isNaN(Date.parse(at)) ||
      typeof mac !== 'string' || !HEX64.test(mac)
    ) {
      return { line, invalid: 'not an anchor' };
    }
    const anchor: AuditAnchorView = { seq, eventId, hash, events, at };
    if (!timingSafeEqual(Buffer.from(mac, 'hex'), Buffer.from(this.mac(anchor), 'hex'))) return { line, invalid: 'MAC does not verify' };
    return { line, anchor };
  }

  private mac(anchor: AuditAnchorView): string {
    return createHmac('sha256', this.key)
      .update([VERSION, anchor.seq, anchor.eventId, anchor.hash, anchor.events, anchor.at].join('|'))
      .digest('hex');
  }
}
