import { createServer } from 'node:net';
import { StartupError } from '../database/start-up-errors';

/** Whether nothing listens on `port` of `host` (a listen attempt that is closed at once). */
export function isPortFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** The first free port after `port`, to suggest in a message. */
export async function freePortAfter(port: number, host: string): Promise<number> {
  for (let candidate = port + 1; candidate < Math.min(port + 100, 65536); candidate++)
    if (await isPortFree(candidate, host)) return candidate;
  return port + 1;
}

/** Fails, naming the variable to change, when `port` is taken; `variable` is PORT or EMBEDDED_PG_PORT. */
export async function assertPortFree(port: number, variable = 'PORT', host = '0.0.0.0', what = 'Ruta'): Promise<void> {
  if (await isPortFree(port, host)) return;
  const suggestion = await freePortAfter(port, host);
  throw new StartupError(
    `port ${port} for ${what} is already in use (another Ruta, or another program): set ${variable}=${suggestion}, or stop what uses it`,
  );
}
