#!/usr/bin/env node
// Compiles the server (with shared/ and migrations/) to plain CommonJS in dist/server, so production runs
// `node dist/server/server/src/main.js` (`npm run serve`) with no TypeScript tooling at run time. Same swc settings as
// the tests (decorator metadata for NestJS and TypeORM); path aliases (@ruta/...) become relative requires.
const { transformFileSync } = require('@swc/core');
const { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');

const root = join(__dirname, '..');
const out = join(root, 'dist', 'server');
const sources = ['server/src', 'shared/src', 'migrations'];
const paths = require('../tsconfig.base.json').compilerOptions.paths;

function* typescriptFiles(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* typescriptFiles(path);
    else if (entry.endsWith('.ts') && !entry.endsWith('.spec.ts') && !entry.endsWith('.d.ts')) yield path;
  }
}

rmSync(out, { recursive: true, force: true });
let count = 0;
for (const source of sources) {
  for (const file of typescriptFiles(join(root, source))) {
    const { code, map } = transformFileSync(file, {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
        keepClassNames: true,
        baseUrl: root,
        paths,
      },
      module: { type: 'commonjs' },
      sourceMaps: true,
    });
    const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
    writeFileSync(`${target}.map`, map);
    count++;
  }
}
// Data files the migrations read at run time.
cpSync(join(root, 'migrations', 'data'), join(out, 'migrations', 'data'), { recursive: true });
process.stdout.write(`[ruta] Compiled ${count} files to ${relative(root, out)} (run with: npm run serve)\n`);
