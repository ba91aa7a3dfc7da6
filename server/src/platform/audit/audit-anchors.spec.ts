import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnchorLine, AuditAnchors, ChainHead } from './audit-anchors';

const KEY = Buffer.alloc(32, 7);
const head = (seq: number, hash = String(seq % 10).repeat(64)): ChainHead => ({ seq: String(seq), eventId: String(seq + 100), hash });

async function all(anchors: AuditAnchors): Promise<AnchorLine[]> {
  const lines: AnchorLine[] = [];
  for await (const line of anchors.lines()) lines.push(line);
  return lines;
}

describe('AuditAnchors', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ruta-anchors-'));
    file = join(dir, 'nested', 'audit-anchors.jsonl');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends one JSON line per anchor, creating the folder and an owner-only file', async () => {
    const anchors = new AuditAnchors(file, KEY);
    const written = await anchors.append(head(3), new Date('2026-03-01T10:00:00Z'));
    await anchors.append(head(5));

    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0])).toEqual({ ...written, mac: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(written).toEqual({ seq: '3', eventId: '103', hash: '3'.repeat(64), events: 3, at: '2026-03-01T10:00:00.000Z' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('reads back every anchor with its line number', async () => {
    const anchors = new AuditAnchors(file, KEY);
    await anchors.append(head(1));
    await anchors.append(head(2));
    expect(await all(anchors)).toEqual([
      { line: 1, anchor: expect.objectContaining({ seq: '1', eventId: '101' }) },
      { line: 2, anchor: expect.objectContaining({ seq: '2', eventId: '102' }) },
    ]);
  });

  it('reads nothing, and finds no newest anchor, when the file does not exist yet', async () => {
    const anchors = new AuditAnchors(file, KEY);
    expect(await all(anchors)).toEqual([]);
    expect(await anchors.newest()).toBeNull();
  });

  it('rejects a line whose hash was changed, one forged under another key, and one that is not an anchor', async () => {
    const anchors = new AuditAnchors(file, KEY);
    await anchors.append(head(1));
    await new AuditAnchors(file, Buffer.alloc(32, 9)).append(head(2));
    const altered = readFileSync(file, 'utf8').split('\n')[0].replace('"hash":"1', '"hash":"2');
    appendFileSync(file, `${altered}\n{"seq":"4"}\nnot json\n\n`);

    expect(await all(anchors)).toEqual([
      { line: 1, anchor: expect.objectContaining({ seq: '1' }) },
      { line: 2, invalid: 'MAC does not verify' },
      { line: 3, invalid: 'MAC does not verify' },
      { line: 4, invalid: 'not an anchor' },
      { line: 5, invalid: 'not JSON' },
    ]);
  });

  it('takes the newest anchor by seal number, whatever order several instances wrote them in', async () => {
    const anchors = new AuditAnchors(file, KEY);
    await anchors.append(head(7));
    await anchors.append(head(9));
    await anchors.append(head(8));
    await anchors.append(head(9));
    expect(await anchors.newest()).toMatchObject({ seq: '9', eventId: '109' });
  });

  it('finds the newest anchor at the end of a long file, skipping a line cut by the partial read', async () => {
    const anchors = new AuditAnchors(file, KEY);
    await anchors.append(head(1));
    const filler = `${readFileSync(file, 'utf8')}`.repeat(1000);
    writeFileSync(file, filler);
    await anchors.append(head(2_000_000));
    expect(await anchors.newest()).toMatchObject({ seq: '2000000' });
  });

  it('lets two writers share the file without interleaving their lines', async () => {
    const first = new AuditAnchors(file, KEY);
    const second = new AuditAnchors(file, KEY);
    await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? first : second).append(head(i + 1))));
    const lines = await all(first);
    expect(lines).toHaveLength(50);
    expect(lines.every((line) => 'anchor' in line)).toBe(true);
  });
});
