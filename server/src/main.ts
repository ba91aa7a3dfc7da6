import 'reflect-metadata';
import { createApp } from './app';
import { ConfigError, loadConfig, RutaConfig, prepareDatabase } from '@ruta/platform';
import { seedDatabase } from './seeds';

function say(line: string): void {
  process.stdout.write(`[ruta] ${line}\n`);
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

  const database = await prepareDatabase(config, say);
  const seeded = await seedDatabase(database.ownerUrl, config);
  seeded.forEach(say);

  const app = await createApp(config, database.appUrl);
  const shutdown = async (signal: string) => {
    say(`${signal} received, shutting down`);
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    await app.listen(config.PORT, '0.0.0.0');
  } catch (error) {
    await database.stop();
    const code = (error as { code?: string }).code;
    process.stderr.write(`[ruta] Cannot listen on port ${config.PORT}${code === 'EADDRINUSE' ? ': it is already in use (set PORT)' : ''}\n`);
    process.exit(1);
  }
  say(`Ruta is ready at http://localhost:${config.PORT}/ (API docs at /api/docs)`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`[ruta] Start-up failed: ${message.split('\n')[0]}\n`);
  process.exit(1);
});
