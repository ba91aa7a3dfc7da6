import { spawnSync } from 'node:child_process';

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['-r', '@swc-node/register', 'server/src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', SWC_NODE_PROJECT: 'server/tsconfig.json', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('start-up: configuration is validated before anything starts', () => {
  it('stops with one clear line when PORT is not a port', () => {
    const result = start({ PORT: 'eighty' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('[ruta] Invalid configuration: PORT must be a whole number between 1 and 65535');
  });

  it('stops with one clear line when DATABASE_URL is not a PostgreSQL URL', () => {
    const result = start({ DATABASE_URL: 'mysql://root@localhost/ruta' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^\[ruta\] Invalid configuration: DATABASE_URL must look like postgres:\/\//)]);
  });

  it('stops with one line when the database cannot be reached', () => {
    const result = start({ DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/ruta' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^\[ruta\] Start-up failed: .*ECONNREFUSED/);
    expect(result.stderr).not.toContain('secret');
  });
});
