import 'reflect-metadata';
import { createApp } from './app';
import { ConfigError, describeStartupError, GracefulShutdown, loadConfig, RutaConfig, prepareDatabase, RequestDrain, assertPortFree, assertRowLevelSecurityBinds } from '@ruta/platform';
import { PinoLogger } from 'nestjs-pino';
import { seedDatabase } from './seeds';

function say(line: string): void {
  process.stdout.write(`[ruta] ${line}\n`);
}

/** The one line that tells the person at the terminal where to go and, in demo mode, how to sign in. */
function readyLine(url: string, config: Pick<RutaConfig, 'demo' | 'DEMO_PASSWORD' | 'NODE_ENV'>): string {
  const demo = config.demo && config.NODE_ENV !== 'production' ? ` · demo accounts <role>@<institution>.demo (investigator@policia.demo, caseworker@oim.demo, …), password "${config.DEMO_PASSWORD}"` : '';
  return `Ruta is ready at ${url}${demo} · API docs at ${url}api/docs`;
}

async function main(): Promise<void> {
  let config: RutaConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`[ruta] ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const url = `http://localhost:${config.PORT}/`;
  // Signals are handled from here on, so a Ctrl-C during start-up also stops what has started.
  const shutdown = new GracefulShutdown(say).listen();
  // Registered first, so it runs last: pino buffers its lines, and one written while the app closed (the audit
  // sealer's last anchor) would otherwise reach the terminal after "Stopped", when pino flushes at exit.
  shutdown.add('writing the last log lines', 500, () => new Promise<void>((done) => (PinoLogger.root ? PinoLogger.root.flush(() => done()) : done())));
  try {
    await assertPortFree(config.PORT);
    const database = await prepareDatabase(config, say, { holder: { what: 'a running Ruta', url } });
    shutdown.add('stopping the database', 4000, async (budget) => database.stop(budget));
    if (config.NODE_ENV === 'production') await assertRowLevelSecurityBinds([{ variable: 'DATABASE_APP_URL', url: database.appUrl }]);
    const seeded = await seedDatabase(database.ownerUrl, config);
    seeded.forEach(say);

    const app = await createApp(config, { app: database.appUrl, system: database.systemUrl });
    const drain = new RequestDrain(app.getHttpServer());
    // Requests in flight finish (their writes are committed and answered) before the pool and the database go.
    shutdown.add('closing the application', 1500, async () => app.close());
    shutdown.add('finishing requests in flight', 4000, async (budget) => drain.close(budget));
    await app.listen(config.PORT, '0.0.0.0');
  } catch (error) {
    if (shutdown.inProgress) return;
    process.stderr.write(`[ruta] Start-up failed: ${describeStartupError(error, config.DATABASE_URL)}\n`);
    await shutdown.run('start-up failure', { failed: true });
    return;
  }
  say(readyLine(url, config));
}

main().catch((error: unknown) => {
  process.stderr.write(`[ruta] Start-up failed: ${describeStartupError(error)}\n`);
  process.exit(1);
});
