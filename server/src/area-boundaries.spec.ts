import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The lint rules that keep the areas apart, proven to bite: each case lints a small fixture as if it were a file in
 * the tree (ESLint's --stdin-filename) and reads the rule ids it reports.
 */
const root = resolve(__dirname, '../..');
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' };

function lint(file: string, source: string): string[] {
  const run = spawnSync(process.execPath, [resolve(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', file, '--format', 'json'], {
    cwd: root,
    env,
    input: source,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('area boundaries (lint)', () => {
  beforeAll(() => {
    // The module-boundary rule reads Nx's project graph; make sure it exists, as `npm run lint` does.
    execFileSync(process.execPath, [resolve(root, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], { cwd: root, env, stdio: 'ignore' });
  }, 60_000);

  it('lets an area use another through its public face', () => {
    expect(lint('server/src/cases/notes/example.ts', `import { AuditService } from '@ruta/platform';\nexport const x = AuditService;\n`)).toEqual([]);
  });

  it('fails on a relative import of another area\'s internals', () => {
    const messages = lint('server/src/cases/notes/example.ts', `import { UserEntity } from '../../identity/users/user.entity';\nexport const x = UserEntity;\n`);
    expect(messages.join('\n')).toMatch(/@nx\/enforce-module-boundaries/);
  });

  it('fails when the platform depends on an area above it', () => {
    const messages = lint('server/src/platform/audit/example.ts', `import { CasesModule } from '@ruta/cases';\nexport const x = CasesModule;\n`);
    expect(messages.join('\n')).toMatch(/@nx\/enforce-module-boundaries/);
  });

  it('fails when identity reaches up into cases', () => {
    const messages = lint('server/src/identity/users/example.ts', `import { CaseAccessService } from '@ruta/cases';\nexport const x = CaseAccessService;\n`);
    expect(messages.join('\n')).toMatch(/@nx\/enforce-module-boundaries/);
  });

  it('fails when a case sub-feature reaches into a sibling\'s internals instead of its index', () => {
    expect(lint('server/src/cases/notes/example.ts', `import { CaseEntity } from '../core/case.entity';\nexport const x = CaseEntity;\n`).join('\n')).toMatch(/no-restricted-imports/);
    expect(lint('server/src/cases/notes/example.ts', `import { CaseEntity } from '../core';\nexport const x = CaseEntity;\n`)).toEqual([]);
  });
});
