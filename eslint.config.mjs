import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default [
  { ignores: ['**/dist', '**/node_modules', '**/.angular', '.ruta-data', '.ruta-test-data', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../../*'], message: 'Use a path alias (@ruta/...) instead of ../../../ chains.' }] }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'], bannedExternalImports: ['@nestjs/*', '@angular/*', 'typeorm', 'rxjs'] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'], bannedExternalImports: ['@angular/*'] },
            // The server's areas (server/src/<area>/project.json), each reached only through its index.ts (its path
            // alias); the platform builds on nothing, and an area may use only those below it.
            { sourceTag: 'area:platform', onlyDependOnLibsWithTags: ['scope:shared', 'area:migrations'] },
            { sourceTag: 'area:migrations', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'area:identity', onlyDependOnLibsWithTags: ['scope:shared', 'area:platform'] },
            { sourceTag: 'area:places', onlyDependOnLibsWithTags: ['scope:shared', 'area:platform'] },
            { sourceTag: 'area:cases', onlyDependOnLibsWithTags: ['scope:shared', 'area:platform', 'area:identity', 'area:places'] },
            { sourceTag: 'area:referrals', onlyDependOnLibsWithTags: ['scope:shared', 'area:platform', 'area:identity', 'area:places', 'area:cases'] },
            { sourceTag: 'area:assistance', onlyDependOnLibsWithTags: ['scope:shared', 'area:platform', 'area:identity', 'area:places', 'area:cases', 'area:referrals'] },
            { sourceTag: 'area:prosecutions', onlyDependOnLibsWithTags: ['scope:shared', 'area:platform', 'area:identity', 'area:places', 'area:cases'] },
            { sourceTag: 'area:hotline', onlyDependOnLibsWithTags: ['scope:shared', 'area:platform', 'area:identity', 'area:places', 'area:cases', 'area:referrals'] },
            { sourceTag: 'area:indicators', onlyDependOnLibsWithTags: ['scope:shared', 'area:platform', 'area:identity', 'area:places', 'area:cases', 'area:referrals', 'area:assistance', 'area:prosecutions', 'area:hotline'] },
            { sourceTag: 'scope:client', onlyDependOnLibsWithTags: ['scope:client', 'scope:shared'], bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:e2e', 'scope:server', 'scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    // Material's chips and stepper modules provide Material's own ErrorStateMatcher: a routed page importing either
    // gets it for all its forms instead of the app's TouchedErrorStateMatcher, so a form reset after a save showed
    // "required" on its emptied fields. Their standalone parts carry no providers. (The path-alias rule is repeated:
    // this block replaces it here.)
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@angular/material/chips', importNames: ['MatChipsModule'], message: 'Import the chip parts (MatChipListbox, MatChipOption, ...): MatChipsModule overrides the app-wide ErrorStateMatcher.' },
            { name: '@angular/material/stepper', importNames: ['MatStepperModule'], message: 'Import the stepper parts (MatStepper, MatStep, ...): MatStepperModule overrides the app-wide ErrorStateMatcher.' },
          ],
          patterns: [{ group: ['../../../*'], message: 'Use a path alias (@ruta/...) instead of ../../../ chains.' }],
        },
      ],
    },
  },
  {
    // Inside an area with sub-features, a sub-feature reaches a sibling only through the sibling's index.ts
    // (`../core`, not `../core/case.entity`). The path-alias rule above is repeated: this block replaces it here.
    files: ['server/src/cases/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../../../*'], message: 'Use a path alias (@ruta/...) instead of ../../../ chains.' },
            { regex: '^(\\.\\./)+[^/.][^/]*/', message: "Import a sibling sub-feature through its index (e.g. '../core'), not its internals." },
          ],
        },
      ],
    },
  },
  {
    // End-to-end tests and the benchmark boot the server application; Nx forbids importing an app, which is exactly their job.
    files: ['e2e/**/*.ts', 'bench/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
