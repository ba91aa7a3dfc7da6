import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditAnchors } from '../audit/audit-anchors';
import { KeyRotationError, parseKey, prepareAnchors } from './key-rotation';

const head = (seq: number) => ({ seq: String(seq), eventId: String(seq * 2), hash: 'ab'.repeat(32) });

async function lines(anchors: AuditAnchors) {
  const out = [];
  for await (const line of anchors.lines()) out.push(line);
  return out;
}

describe('parseKey', () => {
  it('reads 64 hexadecimal characters as 32 bytes', () => {
    const hex = randomBytes(32).toString('hex');
    expect(parseKey('RUTA_SECRET_KEY', hex).toString('hex')).toBe(hex);
  });

  it('refuses a missing or malformed key in one line naming the variable', () => {
    expect(() => parseKey('RUTA_OLD_SECRET_KEY', undefined)).toThrow(
      new KeyRotationError('RUTA_OLD_SECRET_KEY is not set: give the key the secrets are sealed with now'),
    );
    expect(() => parseKey('RUTA_SECRET_KEY', 'abc')).toThrow('RUTA_SECRET_KEY must be 64 hexadecimal characters (32 random bytes)');
  });
});

describe('prepareAnchors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruta-anchors-rotation-'));
  const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('re-signs the old key’s anchors under the new key, keeps the rest as it was, and moves the old file aside', async () => {
    const file = join(dir, 'anchors.jsonl');
    const old = new AuditAnchors(file, oldKey);
    await old.append(head(1), new Date('2026-01-01T00:00:00Z'));
    await old.append(head(2), new Date('2026-01-01T00:00:10Z'));
    appendFileSync(file, '\nnot an anchor\n');
    await new AuditAnchors(file, newKey).append(head(3), new Date('2026-01-01T00:00:20Z'));
    const original = readFileSync(file, 'utf8');

    const prepared = (await prepareAnchors(file, oldKey, newKey))!;
    expect(prepared).toMatchObject({ resigned: 2, alreadyNew: 1, invalid: 1 });
    // Nothing changes before the commit.
    expect(readFileSync(file, 'utf8')).toBe(original);
    const aside = await prepared.commit();
    expect(readFileSync(aside, 'utf8')).toBe(original);

    const now = await lines(new AuditAnchors(file, newKey));
    expect(now.map((line) => ('anchor' in line ? [line.anchor.seq, line.anchor.at] : line.invalid))).toEqual([
      ['1', '2026-01-01T00:00:00.000Z'],
      ['2', '2026-01-01T00:00:10.000Z'],
      'not JSON',
      ['3', '2026-01-01T00:00:20.000Z'],
    ]);
    expect((await lines(new AuditAnchors(file, oldKey))).filter((line) => 'anchor' in line)).toEqual([]);
  });

  it('leaves no file behind when discarded, and has nothing to do without an anchor file', async () => {
    const file = join(dir, 'discarded.jsonl');
    await new AuditAnchors(file, oldKey).append(head(1));
    const prepared = (await prepareAnchors(file, oldKey, newKey))!;
    await prepared.discard();
    expect(existsSync(`${file}.rotating`)).toBe(false);
    expect((await lines(new AuditAnchors(file, oldKey))).every((line) => 'anchor' in line)).toBe(true);
    expect(await prepareAnchors(join(dir, 'none.jsonl'), oldKey, newKey)).toBeNull();
  });
});
