import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AUDIT_ENTITY_TYPES } from '@ruta/shared';

const ROOT = join(__dirname, '..', '..', '..', '..');
const SCANNED = ['server/src', 'migrations'];

/**
 * Where the server names an audit entity type: `entityType: 'case'` (also `entityType: user ? 'user' : undefined`),
 * `ENTITY_TYPE = 'case_draft'` constants and raw SQL `"entityType" = 'case'`.
 */
const PATTERNS = [
  /entityType\??\s*:\s*([^,}\n]+)/g,
  /\bENTITY_TYPE\s*=\s*([^;\n]+)/g,
  /"entityType"\s*=\s*('[a-z_]+')/g,
  /"entityType"\s+IN\s*\(([^)]*)\)/g,
];
const LITERAL = /'([a-z_]+)'/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && path !== __filename ? [path] : [];
  });
}

function namedEntityTypes(): { type: string; where: string }[] {
  return SCANNED.flatMap((dir) => sources(join(ROOT, dir))).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return PATTERNS.flatMap((pattern) =>
      [...text.matchAll(pattern)].flatMap((match) =>
        [...match[1].matchAll(LITERAL)].map((literal) => ({ type: literal[1], where: `${relative(ROOT, file)}: ${match[0].trim()}` })),
      ),
    );
  });
}

describe('audit entity types named by the server', () => {
  const named = namedEntityTypes();

  it('finds the entity types the server records (the scan is not vacuous)', () => {
    for (const type of ['case', 'case_draft', 'user']) expect(named.map((n) => n.type)).toContain(type);
  });

  it('are all in AUDIT_ENTITY_TYPES, so the auditor can filter by them (add a new one there, with its labels)', () => {
    const known = new Set<string>(AUDIT_ENTITY_TYPES);
    expect(named.filter((n) => !known.has(n.type)).map((n) => n.where)).toEqual([]);
  });
});
