import { randomBytes } from 'node:crypto';
import { blindIndex, nameQueryTokens, nameTokens, nameWords } from './blind-index';

const key = randomBytes(32);

/** What the SQL does: every query word shares a token with the stored tokens. */
function matches(stored: string, query: string): boolean {
  const tokens = new Set(nameTokens(key, stored));
  const words = nameQueryTokens(key, query);
  return words.length > 0 && words.every((w) => w.any.some((t) => tokens.has(t)));
}

describe('blind index', () => {
  it('normalises names: accents, case, punctuation and particles', () => {
    expect(nameWords('  María  José de la Peña-Gómez y  Ñuñez ')).toEqual(['maria', 'jose', 'pena', 'gomez', 'nunez']);
  });

  it('finds a name without accents and with one typo per word', () => {
    expect(matches('María José Gómez Peñaloza', 'maria jose gomes penaloza')).toBe(true);
    expect(matches('María José Gómez Peñaloza', 'gomez')).toBe(true);
    expect(matches('María José Gómez Peñaloza', 'peñalosa marya')).toBe(true);
    expect(matches('María José Gómez Peñaloza', 'mariia')).toBe(true); // insertion
    expect(matches('María José Gómez Peñaloza', 'pealoza')).toBe(true); // deletion
  });

  it('does not find other names, nor a word two edits away', () => {
    expect(matches('María José Gómez Peñaloza', 'maria jose rodriguez')).toBe(false);
    expect(matches('María José Gómez Peñaloza', 'gonzalez')).toBe(false);
    expect(matches('María José Gómez Peñaloza', 'pinilla')).toBe(false);
    expect(matches('Ana Ruiz', 'ani')).toBe(false); // short words match exactly
  });

  it('depends on the key: another key gives other tokens and hashes', () => {
    const other = randomBytes(32);
    expect(nameTokens(other, 'Gómez')).not.toEqual(nameTokens(key, 'Gómez'));
    expect(blindIndex(other, '1023456')).not.toEqual(blindIndex(key, '1023456'));
    expect(blindIndex(key, '1023456')).toEqual(blindIndex(key, '1023456'));
    expect(blindIndex(key, null)).toBeNull();
  });

  it('ranks by exact words: the exact token is among the stored ones only for the very word', () => {
    const stored = new Set(nameTokens(key, 'Gómez'));
    expect(stored.has(nameQueryTokens(key, 'gomez')[0].exact)).toBe(true);
    expect(stored.has(nameQueryTokens(key, 'gomes')[0].exact)).toBe(false);
  });
});
