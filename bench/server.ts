import 'reflect-metadata';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import pg from 'pg';
import { loadConfig } from '@ruta/server/platform/config/config';
import { createApp } from '@ruta/server/app';
import { CAPTURE_HEADER, CapturedStatement } from './capture';

/**
 * The real Ruta server for the benchmark, in a process of its own (so that autocannon and the raw-SQL replay in the
 * parent do not share its event loop): createApp() on the prepared database, listening on loopback. On request of the
 * parent (IPC), it records the SQL statements its connections send, so that the parent can replay exactly those.
 */

/** Set for the work of a request that carries the capture header. */
const capturing = new AsyncLocalStorage<boolean>();
let captured: CapturedStatement[] = [];
let inFlight = 0;
const connections = new WeakMap<object, number>();
let nextConnection = 1;

type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const original = pg.Client.prototype.query as unknown as Query;
(pg.Client.prototype as unknown as { query: Query }).query = function (this: pg.Client, ...args: unknown[]) {
  if (!capturing.getStore()) return original.apply(this, args);
  const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown];
  if (!connections.has(this)) connections.set(this, nextConnection++);
  const statement: CapturedStatement = {
    user: this.user ?? '',
    connection: connections.get(this)!,
    text: typeof config === 'string' ? config : config.text,
    values: Array.isArray(values) ? values : typeof config === 'string' ? [] : (config.values ?? []),
    returned: [],
  };
  captured.push(statement);
  const keep = (result: unknown) => {
    for (const r of [result].flat() as { rows?: Record<string, unknown>[] }[]) {
      for (const row of r?.rows ?? []) for (const value of Object.values(row)) if (typeof value === 'string' && value.length <= 40) statement.returned.push(value);
    }
  };
  const callback = args[args.length - 1];
  if (typeof callback === 'function') {
    args[args.length - 1] = (error: unknown, result: unknown) => {
      if (!error) keep(result);
      return (callback as (e: unknown, r: unknown) => unknown)(error, result);
    };
    return original.apply(this, args);
  }
  const result = original.apply(this, args);
  if (result && typeof (result as Promise<unknown>).then === 'function') void (result as Promise<unknown>).then(keep, () => undefined);
  return result;
};

process.on('message', (message: { type: string }) => {
  if (message.type === 'capture-start') {
    // Requests autocannon left in flight finish first.
    captured = [];
    const started = Date.now();
    const wait = () => (inFlight === 0 || Date.now() - started > 120_000 ? process.send!({ type: 'capture-started' }) : setTimeout(wait, 50));
    wait();
  } else if (message.type === 'capture-stop') {
    process.send!({ type: 'captured', statements: captured });
  }
});

async function main(): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'development',
    DEMO: 'false',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'fatal',
    CLIENT_DIR: 'dist/none',
    DATABASE_URL: process.env.BENCH_OWNER_URL,
    DATABASE_APP_URL: process.env.BENCH_APP_URL,
    DATABASE_SYSTEM_URL: process.env.BENCH_SYSTEM_URL,
    RUTA_SECRET_KEY: process.env.BENCH_SECRET,
    AUDIT_ANCHOR_FILE: join(tmpdir(), `ruta-bench-anchors-${process.pid}.jsonl`),
    // BENCH_INDICATOR_SNAPSHOT_SECONDS: how often the server computes the indicator snapshots again (default as deployed).
    INDICATOR_SNAPSHOT_SECONDS: process.env.BENCH_INDICATOR_SNAPSHOT_SECONDS,
  });
  const app = await createApp(config, { app: process.env.BENCH_APP_URL!, system: process.env.BENCH_SYSTEM_URL! }, { logs: config.LOG_LEVEL !== 'silent' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    inFlight += 1;
    response.once('close', () => (inFlight -= 1));
    if (request.headers[CAPTURE_HEADER]) capturing.run(true, next);
    else next();
  });
  await app.listen(Number(process.env.BENCH_PORT), '127.0.0.1');
  process.send!({ type: 'ready' });
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

main().catch((error) => {
  process.stderr.write(`[bench server] ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
