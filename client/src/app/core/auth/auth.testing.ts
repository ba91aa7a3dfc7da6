import { MeResponse, Permission } from '@ruta/shared';

/** A signed-in user for specs. */
export function newMe(overrides: Partial<MeResponse> = {}, permissions: Permission[] = []): MeResponse {
  return {
    id: 'u-1',
    name: 'Ana Administradora',
    email: 'admin@mininterior.demo',
    language: 'es',
    institution: { id: 'i-1', code: 'mininterior', name: 'Ministerio del Interior y de Justicia' },
    role: {
      id: 'r-1',
      code: 'admin',
      nameEs: 'Administrador del sistema',
      nameEn: 'System administrator',
      scope: 'none',
      requiresMfa: true,
    },
    permissions,
    mfaEnabled: true,
    stage: 'done',
    ...overrides,
  };
}
