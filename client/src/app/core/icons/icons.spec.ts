import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RUTA_ICONS } from './icons';

const APP = join(__dirname, '..', '..');

function sources(directory = APP): { file: string; text: string }[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sources(path);
    const file = relative(APP, path).split('\\').join('/');
    return /\.(ts|html)$/.test(file) && !file.endsWith('.spec.ts') ? [{ file, text: readFileSync(path, 'utf8') }] : [];
  });
}

const MAT_ICON = /<mat-icon\b([^>]*?)(\/>|>([\s\S]*?)<\/mat-icon>)/g;

describe('icons', () => {
  const all = sources();

  it('every static svgIcon in a template is in RUTA_ICONS', () => {
    const unknown = all.flatMap(({ file, text }) =>
      [...text.matchAll(/\ssvgIcon="([a-z0-9_]+)"/g)].map((m) => m[1]).filter((name) => !(name in RUTA_ICONS)).map((name) => `${file}: ${name}`),
    );
    expect(all.length).toBeGreaterThan(50);
    expect(unknown).toEqual([]);
  });

  it('every icon name a bound [svgIcon] can yield is in RUTA_ICONS (maps of icons are typed RutaIcon)', () => {
    const unknown = all.flatMap(({ file, text }) =>
      [...text.matchAll(/\[svgIcon\]="([^"]+)"/g)]
        // The results of `cond ? 'a' : 'b'` or a plain `'a'`; names inside conditions (`kind() === 'x'`) are not icons.
        .flatMap((m) => [...m[1].matchAll(/(?:^|[?:]\s*)'([a-z0-9_]+)'/g)].map((q) => q[1]))
        .filter((name) => !(name in RUTA_ICONS))
        .map((name) => `${file}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  it('no <mat-icon> relies on a font ligature (there is no icon font): each names svgIcon', () => {
    const ligatures = all.flatMap(({ file, text }) =>
      [...text.matchAll(MAT_ICON)]
        .filter((m) => !/\[?svgIcon\]?=/.test(m[1]) || (m[3] ?? '').trim() !== '')
        .map((m) => `${file}: ${m[0].slice(0, 80)}`),
    );
    expect(ligatures).toEqual([]);
  });

  it('every entry is an SVG document', () => {
    for (const [name, svg] of Object.entries(RUTA_ICONS)) expect([name, svg.startsWith('<svg')]).toEqual([name, true]);
  });
});
