import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cloneTestDatabase, freePort } from '../../support/test-database';
import { TEST_SECRET_KEY } from '../../support/test-config';
import { ServerProcess } from '../../support/server-process';

// The server runs in a child process on a clone of the test database, at the default log level, as `npm start` runs it.
jest.setTimeout(120_000);

describe('start-up output: what the person at the terminal reads', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ruta-start-up-output-'));
  let server: ServerProcess | undefined;
  let stopped: { code: number | null; ms: number };

  beforeAll(async () => {
    const database = await cloneTestDatabase();
    const port = await freePort();
    server = await ServerProcess.start({
      DATABASE_URL: database.ownerUrl,
      DATABASE_APP_URL: database.appUrl,
      DATABASE_SYSTEM_URL: database.systemUrl,
      DEMO: 'true',
      RUTA_SECRET_KEY: TEST_SECRET_KEY,
      RUTA_DATA_DIR: join(scratch, 'data'),
      AUDIT_ANCHOR_FILE: join(scratch, 'audit-anchors.jsonl'),
      PORT: String(port),
      CLIENT_DIR: 'dist/none',
    });
    // pino writes asynchronously: let the start-up lines that would follow the ready line arrive before stopping.
    const response = await fetch(`${server.url}/api/health/live`);
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    stopped = await server.stop('SIGINT');
  }, 120_000);

  afterAll(() => {
    server?.kill();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('prints no route mapping, module or Nest start-up line at the default log level', () => {
    expect(server!.stdout).not.toMatch(/RouterExplorer|RoutesResolver|InstanceLoader|Mapped \{|Nest application/);
    const json = server!.stdout.split('\n').filter((line) => line.startsWith('{'));
    expect(json.length).toBeLessThan(5);
  });

  it('ends start-up with one ready line naming the URL and the demo accounts with their password', () => {
    const ready = server!.stdout.split('\n').filter((line) => line.includes('Ruta is ready'));
    expect(ready).toEqual([
      `[ruta] Ruta is ready at ${server!.url}/ · demo accounts <role>@<institution>.demo (investigator@policia.demo, caseworker@oim.demo, …), password "ruta-demo-2026" · API docs at ${server!.url}/api/docs`,
    ]);
  });

  it('stops on Ctrl-C with exit code 0 and no error-level line (no "Called end on pool more than once")', () => {
    expect(stopped.code).toBe(0);
    expect(server!.errorLines).toEqual([]);
    expect(server!.stdout + server!.stderr).not.toMatch(/Called end on pool|"level":(4|5|6)\d/);
    expect(server!.stderr).toBe('');
    expect(server!.stdout).toContain('[ruta] SIGINT received, shutting down\n');
    expect(server!.stdout.trim().split('\n').pop()).toBe('[ruta] Stopped');
  });
});
