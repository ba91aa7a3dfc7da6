import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TranslationObject } from '@ngx-translate/core';
import { DICTIONARIES } from './bundled-dictionaries';
import { LANGUAGE_STORAGE_KEY } from './language.service';

interface Source {
  file: string;
  text: string;
}

const APP = join(__dirname, '..', '..');
/** Key-shaped literals that are not translation keys. */
const NOT_KEYS = new Set([LANGUAGE_STORAGE_KEY]);

const KEY = String.raw`[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_:]+)+`;
/**
 * `'users.title'` anywhere in code or templates: pipes, `instant()`, route titles, notifier calls, input defaults,
 * ternaries. Keys built at run time (`'auditActions.' + action`, `` `errors.${code}` ``) are not literals and are skipped;
 * those built from closed lists are checked by dictionaries.spec.ts.
 */
const QUOTED = new RegExp(String.raw`(['\`])(${KEY})\1`, 'g');
/** `label="victim.sex"`: a static template attribute handing a key to a component input. */
const STATIC_ATTRIBUTE = new RegExp(String.raw`\s[a-zA-Z][\w-]*="(${KEY})"`, 'g');

function literalKeys(text: string): string[] {
  const quoted = [...text.matchAll(QUOTED)].map((match) => match[2]);
  const attributes = [...text.matchAll(STATIC_ATTRIBUTE)].map((match) => match[1]);
  return [...quoted, ...attributes].filter((key) => !NOT_KEYS.has(key));
}

function translates(dictionary: TranslationObject, key: string): boolean {
  const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], dictionary);
  return typeof text === 'string';
}

/** `file: key` for every literal key that some dictionary lacks. */
function missingKeys(sources: Source[], dictionaries: TranslationObject[]): string[] {
  return sources.flatMap(({ file, text }) =>
    [...new Set(literalKeys(text))].filter((key) => !dictionaries.every((d) => translates(d, key))).map((key) => `${file}: ${key}`),
  );
}

function appSources(directory = APP): Source[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return appSources(path);
    const file = relative(APP, path).split('\\').join('/');
    const isSource = /\.(ts|html)$/.test(file) && !file.endsWith('.spec.ts');
    const isDictionary = /(^|\/)i18n\/(es|en)\.ts$/.test(file);
    return isSource && !isDictionary ? [{ file, text: readFileSync(path, 'utf8') }] : [];
  });
}

describe('translation keys', () => {
  const dictionaries = [DICTIONARIES.es, DICTIONARIES.en];

  it('every literal key in the client exists in Spanish and English', () => {
    const sources = appSources();
    expect(sources.length).toBeGreaterThan(50);
    expect(missingKeys(sources, dictionaries)).toEqual([]);
  });

  it('reports, with the file, keys missing from a template, a static input, a route title or a call', () => {
    const template = `
      <h1>{{ 'cases.title' | translate }}</h1>
      <p>{{ (busy ? 'app.loading' : 'cases.nothingHere') | translate }}</p>
      <ruta-option-select label="victim.sexx" [list]="sexes" testId="victim-sex" />
      <button [attr.aria-label]="'common.close' | translate">x</button>
    `;
    const code = `
      const routes = [{ path: '', title: 'nav.nowhere', loadComponent: () => import('./x.page') }];
      this.notifier.info('users.saved');
      this.translate.instant('errors.notACode');
      const label = 'auditActions.' + action;
    `;
    expect(missingKeys([{ file: 'x.page.html', text: template }, { file: 'x.routes.ts', text: code }], dictionaries)).toEqual([
      'x.page.html: cases.nothingHere',
      'x.page.html: victim.sexx',
      'x.routes.ts: nav.nowhere',
      'x.routes.ts: errors.notACode',
    ]);
  });

  it('reports a key that only one language has', () => {
    const spanishOnly: TranslationObject = { ...DICTIONARIES.es, extra: { only: 'Solo en español' } };
    expect(missingKeys([{ file: 'x.ts', text: `'extra.only'` }], [spanishOnly, DICTIONARIES.en])).toEqual(['x.ts: extra.only']);
  });

  it('does not take a group (an object) for a text', () => {
    expect(missingKeys([{ file: 'x.ts', text: `'caseDetail.tabs'` }], dictionaries)).toEqual(['x.ts: caseDetail.tabs']);
  });
});
