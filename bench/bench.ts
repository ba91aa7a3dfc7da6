import { ChildProcess, fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { SESSION_COOKIE, XSRF_COOKIE, XSRF_HEADER } from '@ruta/shared';
import { loadConfig } from '@ruta/server/platform/config/config';
import { resolveSecretKey } from '@ruta/server/platform/config/secret-key';
import { provisionAppRole, runMigrations } from '@ruta/server/platform/database/prepare-database';
import { seedDatabase } from '@ruta/server/seeds';
import { AREAS } from './areas';
import { openBenchDatabase } from './database';
import { blindIndexKeyOf, loadCases, openSession, topUpVictimIdentities } from './loader';
import { asServerSends, explainPlan, freshValues, Measured, paramsFor, replayPlan, runConcurrently } from './replay';
import { ACTORS, ActorKey, Scenario, SCENARIOS, ScenarioContext } from './scenarios';
import { CAPTURE_HEADER, CapturedStatement } from './capture';

const HELP = `npm run bench -- [options]

  --cases N[,M…]        cases to load (default 1000000); several sizes run one after the other on the same database
  --scaling             the same as --cases 10000,1000000 (list, detail, search and counts should stay within 1.5x)
  --audit-per-case K    audit events per case (default 10)
  --duration S          seconds per measurement (default 20); each request is measured three times (Ruta, same SQL, minimal)
  --connections C       concurrent connections (default 50)
  --warmup S            seconds of the same load before each measurement, not counted (default 3): every connection
                        of the server's pool and of the replay has run the request's statements before the clock starts
  --only a,b            only these scenarios (${SCENARIOS.map((s) => s.name).join(', ')})
  --data-dir DIR        keep the embedded cluster in DIR (a second run reuses and tops up what is loaded)
  --json FILE           also write the results as JSON
  --compare FILE        with the results of an earlier run (its --json file, e.g. at 10,000 cases on a database of its
                        own), print the scaling table from its sizes to this run's
  --load-only           load (or top up) the database and stop
  --explain             no measurement: each scenario's statements once, each under EXPLAIN ANALYZE as the product's
                        role and in the product's order, with its execution time (where a request's database time goes)
Environment: BENCH_DATABASE_URL=postgres://…/ruta_bench… to use another server (the name must start with ruta_bench).`;

interface ScenarioResult {
  name: string;
  label: string;
  /** Median latency of one request at a time (no concurrency). */
  aloneMs: number;
  ruta: Measured;
  sameSql: Measured;
  minimal: Measured;
  statements: number;
}

interface SizeResult {
  cases: number;
  auditEvents: number;
  serverMaxRssMb: number;
  scenarios: ScenarioResult[];
}

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string' },
      scaling: { type: 'boolean' },
      'audit-per-case': { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      warmup: { type: 'string' },
      only: { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'string' },
      compare: { type: 'string' },
      'load-only': { type: 'boolean' },
      explain: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return void process.stdout.write(`${HELP}\n`);
  const sizes = (values.cases ?? (values.scaling ? '10000,1000000' : '1000000')).split(',').map((s) => Number(s.replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error('--cases takes whole numbers of at least 100');
  sizes.sort((a, b) => a - b);
  const auditPerCase = Number(values['audit-per-case'] ?? 10);
  const duration = Number(values.duration ?? 20);
  const connections = Number(values.connections ?? 50);
  const warmup = Number(values.warmup ?? 3);
  const scenarios = values.only ? SCENARIOS.filter((s) => values.only!.split(',').includes(s.name)) : SCENARIOS;

  const database = await openBenchDatabase({ dataDir: values['data-dir'], log });
  const results: SizeResult[] = [];
  try {
    const config = loadConfig({ NODE_ENV: 'development', DEMO: 'true', LOG_LEVEL: 'silent', DATABASE_URL: database.ownerUrl, RUTA_SECRET_KEY: database.secret });
    const applied = await runMigrations(database.ownerUrl);
    if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
    await topUpVictimIdentities(database.ownerUrl, resolveSecretKey(config), log);
    (await seedDatabase(database.ownerUrl, config)).forEach((line) => log(`seed: ${line.split('\n')[0]}`));
    for (const cases of sizes) {
      const started = Date.now();
      const { loaded, total } = await loadCases(database.ownerUrl, { cases, auditPerCase, log, secretKey: resolveSecretKey(config) });
      // The start-up data steps once more over what was just loaded (the server's own: notes, shelters and documents the
      // loader wrote in clear are encrypted as a database from before field encryption would be), so that the server
      // measured finds nothing left to do.
      if (loaded) (await seedDatabase(database.ownerUrl, config)).forEach((line) => log(`seed: ${line.split('\n')[0]}`));
      log(`Database holds ${total.toLocaleString('en')} cases (load ${((Date.now() - started) / 1000).toFixed(0)} s)`);
      if (values['load-only']) continue;
      results.push(await benchmark(database.ownerUrl, database.secret, cases, scenarios, { duration, connections, warmup, explain: Boolean(values.explain) }));
      printTable(results[results.length - 1], connections, duration);
    }
    const earlier: SizeResult[] = values.compare ? JSON.parse(readFileSync(values.compare, 'utf8')).results : [];
    const sized = [...earlier, ...results].sort((a, b) => a.cases - b.cases);
    if (sized.length > 1 && results.length) printScaling(sized);
    if (values.json) {
      writeFileSync(values.json, JSON.stringify({ machine: await machine(database.ownerUrl), connections, duration, results }, null, 2));
      log(`Results written to ${values.json}`);
    }
  } catch (error) {
    process.stderr.write(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    await database.stop();
  }
}

/** The database's clock (the snapshots' `computedAt` is stamped by it). */
async function databaseNow(ownerUrl: string): Promise<Date> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    return (await owner.query(`SELECT now() AS now`)).rows[0].now;
  } finally {
    await owner.end();
  }
}

/**
 * Waits (up to 10 minutes) for the server's indicator snapshot job to finish its start-up run, so that the coordinator's
 * reads are measured as production serves them (from the snapshot) whatever the scenarios' order, and so that the run
 * itself (tens of seconds of whole-centre aggregates at 1,000,000 cases) is over before the first measurement: snapshots
 * an earlier run left do not count.
 */
async function snapshotsReady(ownerUrl: string, since: Date): Promise<void> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  const started = Date.now();
  try {
    for (;;) {
      const [{ n }] = (await owner.query(`SELECT count(*)::int AS n FROM indicator_snapshots WHERE "computedAt" >= $1`, [since])).rows;
      if (n >= 3) {
        log(`Indicator snapshots ready (${((Date.now() - started) / 1000).toFixed(0)} s after start-up)`);
        return;
      }
      if (Date.now() - started > 600_000) {
        log('Indicator snapshots not ready after 10 minutes: the coordinator\'s reads are measured live');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } finally {
    await owner.end();
  }
}

async function benchmark(ownerUrl: string, secret: string, cases: number, scenarios: Scenario[], run: { duration: number; connections: number; warmup: number; explain?: boolean }): Promise<SizeResult> {
  const { appUrl, systemUrl } = await provisionAppRole(ownerUrl);
  const actors = {} as ScenarioContext['actors'];
  for (const [key, email] of Object.entries(ACTORS)) actors[key as ActorKey] = await openSession(ownerUrl, email);
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  const codes: string[] = (await owner.query(`SELECT code FROM cases TABLESAMPLE SYSTEM (5) WHERE "ownerInstitutionId" = $1 LIMIT 2000`, [actors.investigator.institutionId])).rows.map((r) => r.code);
  const [{ events }] = (await owner.query(`SELECT reltuples::bigint AS events FROM pg_class WHERE relname = 'audit_events'`)).rows;
  if (codes.length === 0) throw new Error('The investigator\'s institution holds no case to open');
  const context: ScenarioContext = { actors, codes, blindIndexKey: await blindIndexKeyOf(ownerUrl, Buffer.from(secret, 'hex')), areas: {} };
  try {
    for (const area of AREAS) if (area.prepare) context.areas[area.name] = await area.prepare(owner, context);
  } finally {
    await owner.end();
  }

  const port = 20000 + Math.floor(Math.random() * 20000);
  const serverStarted = await databaseNow(ownerUrl);
  const server = await startServer({ ownerUrl, appUrl, systemUrl, port, secret });
  let maxRss = 0;
  const sampler = setInterval(() => {
    maxRss = Math.max(maxRss, rssMb(server.pid!));
  }, 250);
  const results: ScenarioResult[] = [];
  try {
    await snapshotsReady(ownerUrl, serverStarted);
    log(`Server up on port ${port} (${rssMb(server.pid!).toFixed(0)} MB); ${run.connections} connections, ${run.duration} s per measurement after ${run.warmup} s of warm-up`);
    // Each measurement has its own warm-up; --explain and --warmup 0 get this one.
    if (run.explain || run.warmup === 0) await drive(port, context, scenarios[0], { duration: Math.min(3, run.duration), connections: run.connections });
    for (const scenario of run.explain ? scenarios : []) {
      const plan = replayPlan(await capture(server, port, context, scenario), Boolean(scenario.write));
      const roles = [...new Set(plan.map((g) => g.user))];
      const urlOf = (user: string) => (user === 'ruta_system' ? systemUrl : user === 'ruta_app' ? appUrl : ownerUrl);
      const clients = roles.map((role) => new Client({ connectionString: urlOf(role) }));
      await Promise.all(clients.map((c) => c.connect()));
      try {
        // Twice on the same connections, the second shown: a pooled connection has planned the functions' statements
        // already, and the pages read are in the cache, as they are for the product after its warm-up.
        const fresh = freshValues(plan, Object.values(context.actors).flatMap((a) => [a.userId, a.institutionId]));
        await explainPlan(plan, (user) => clients[roles.indexOf(user)], scenario.write ? fresh() : undefined);
        const lines = await explainPlan(plan, (user) => clients[roles.indexOf(user)], scenario.write ? fresh() : undefined);
        log(`${scenario.label}: ${lines.reduce((sum, l) => sum + (Number.isNaN(l.ms) ? 0 : l.ms), 0).toFixed(2)} ms in the database over ${lines.length} statements\n${lines.map((l) => `  ${l.ms.toFixed(2).padStart(8)} ms  ${l.user.padEnd(11)} ${l.text}`).join('\n')}`);
      } finally {
        await Promise.all(clients.map((c) => c.end()));
      }
    }
    for (const scenario of run.explain ? [] : scenarios) {
      // The same load first, not counted: every pooled connection has run (and prepared) this request's statements.
      if (run.warmup > 0) await drive(port, context, scenario, { duration: run.warmup, connections: run.connections });
      const alone = await oneAtATime(port, context, scenario, 10);
      const ruta = await drive(port, context, scenario, run);
      const statements = await capture(server, port, context, scenario).catch((error: Error) => {
        log(`${scenario.label}: no SQL recorded (${error.message.slice(0, 160)}); the replay columns stay empty`);
        return [];
      });
      const plan = replayPlan(statements, Boolean(scenario.write));
      const urlOf = (user: string) => (user === 'ruta_system' ? systemUrl : user === 'ruta_app' ? appUrl : ownerUrl);
      // One connection per role and worker; the request's transactions run one after the other as the product ran them.
      const roles = [...new Set(plan.map((g) => g.user))];
      if (process.env.BENCH_DEBUG === 'plan') log(JSON.stringify(plan.map((g) => ({ user: g.user, statements: g.statements.map((x) => x.text.slice(0, 80)) }))));
      const fresh = freshValues(plan, Object.values(context.actors).flatMap((a) => [a.userId, a.institutionId]));
      const sameSql = await runConcurrently(roles.map(urlOf), run.connections, run.duration, run.warmup, async (clients) => {
        const swap = scenario.write ? fresh() : (value: unknown) => value;
        for (const group of plan) for (const s of group.statements) await asServerSends(clients[roles.indexOf(group.user)], s.text, s.values.map(swap));
      });
      const minimal = await runConcurrently([ownerUrl], run.connections, run.duration, run.warmup, async ([client], i) => {
        const params = scenario.minimal.params(context, i);
        for (const text of scenario.minimal.statements) await asServerSends(client, text, paramsFor(text, params));
      });
      results.push({ name: scenario.name, label: scenario.label, aloneMs: alone, ruta, sameSql, minimal, statements: plan.reduce((n, g) => n + g.statements.length, 0) });
      log(`${scenario.label}: ${ruta.perSecond.toFixed(0)} req/s, p99 ${ruta.p99.toFixed(0)} ms (same SQL ${sameSql.perSecond.toFixed(0)}/s, minimal ${minimal.perSecond.toFixed(0)}/s)${ruta.errors ? `, ${ruta.errors} errors: ${ruta.firstError}` : ''}${sameSql.errors ? `; replay errors: ${sameSql.firstError}` : ''}`);
    }
  } finally {
    clearInterval(sampler);
    server.kill('SIGTERM');
    await new Promise((done) => server.once('exit', done));
  }
  return { cases, auditEvents: Number(events), serverMaxRssMb: Math.round(maxRss), scenarios: results };
}

/** The V8 heap limits `npm run serve` starts the server with (their one home is package.json). */
export function serveHeapFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return scripts.serve.match(/--max-[a-z-]+-size=\d+/g) ?? [];
}

function startServer(env: { ownerUrl: string; appUrl: string; systemUrl: string; port: number; secret: string }): Promise<ChildProcess> {
  const child = fork(join(__dirname, 'server.ts'), [], {
    // BENCH_SERVER_NODE_ARGS: node flags for the server alone, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    // The heap limits of production (package.json "serve") first, so the memory measured is the deployed server's.
    execArgv: ['-r', '@swc-node/register', ...serveHeapFlags(), ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
    env: {
      ...process.env,
      SWC_NODE_PROJECT: join(__dirname, 'tsconfig.json'),
      BENCH_OWNER_URL: env.ownerUrl,
      BENCH_APP_URL: env.appUrl,
      BENCH_SYSTEM_URL: env.systemUrl,
      BENCH_PORT: String(env.port),
      BENCH_SECRET: env.secret,
    },
  });
  return new Promise((done, fail) => {
    child.once('exit', (code) => fail(new Error(`The benchmark server exited (${code}) before it was ready`)));
    child.on('message', (message: { type: string }) => {
      if (message.type === 'ready') done(child);
    });
  });
}

function headersOf(context: ScenarioContext, actor: ActorKey): Record<string, string> {
  const { token, csrf } = context.actors[actor];
  return { cookie: `${SESSION_COOKIE}=${token}; ${XSRF_COOKIE}=${csrf}`, [XSRF_HEADER]: csrf, 'content-type': 'application/json' };
}

async function drive(port: number, context: ScenarioContext, scenario: Scenario, run: { duration: number; connections: number }): Promise<Measured> {
  let i = 0;
  const headers = headersOf(context, scenario.actor);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: run.connections,
    duration: run.duration,
    requests: [
      {
        setupRequest: (request) => {
          const call = scenario.request(context, i++);
          return { ...request, method: call.method, path: call.path, headers, body: call.body === undefined ? undefined : JSON.stringify(call.body) };
        },
      },
    ],
  });
  if (process.env.BENCH_DEBUG) log(JSON.stringify({ requests: result.requests, latency: result.latency, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, ok: result['2xx'] }));
  const errors = result.non2xx + result.errors + result.timeouts;
  let firstError: string | undefined;
  if (errors) {
    const call = scenario.request(context, 0);
    const response = await fetch(`http://127.0.0.1:${port}${call.path}`, { method: call.method, headers, body: call.body === undefined ? undefined : JSON.stringify(call.body) });
    firstError = `${response.status} ${(await response.text()).slice(0, 200)}`;
  }
  return { requests: result.requests.total, perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors, firstError };
}

/** The median latency of `n` requests sent one after the other (what one user waits on an idle server). */
async function oneAtATime(port: number, context: ScenarioContext, scenario: Scenario, n: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const call = scenario.request(context, 1_000_000 + i);
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}${call.path}`, { method: call.method, headers: headersOf(context, scenario.actor), body: call.body === undefined ? undefined : JSON.stringify(call.body) });
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)];
}

/** One request of the scenario with the server recording its SQL. */
async function capture(server: ChildProcess, port: number, context: ScenarioContext, scenario: Scenario): Promise<CapturedStatement[]> {
  const reply = (type: string) => new Promise<{ statements?: CapturedStatement[] }>((done) => {
    const on = (message: { type: string; statements?: CapturedStatement[] }) => {
      if (message.type !== type) return;
      server.off('message', on);
      done(message);
    };
    server.on('message', on);
  });
  const started = reply('capture-started');
  server.send({ type: 'capture-start' });
  await started;
  const call = scenario.request(context, 1);
  const response = await fetch(`http://127.0.0.1:${port}${call.path}`, { method: call.method, headers: { ...headersOf(context, scenario.actor), [CAPTURE_HEADER]: '1' }, body: call.body === undefined ? undefined : JSON.stringify(call.body) });
  if (!response.ok) throw new Error(`${scenario.label}: ${response.status} ${(await response.text()).slice(0, 300)}`);
  await response.arrayBuffer();
  const stopped = reply('captured');
  server.send({ type: 'capture-stop' });
  return (await stopped).statements ?? [];
}

function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function machine(ownerUrl: string): Promise<Record<string, unknown>> {
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  const [{ version }] = (await db.query('SELECT version()')).rows;
  const [{ shared_buffers }] = (await db.query('SHOW shared_buffers')).rows;
  await db.end();
  return { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, postgres: version, sharedBuffers: shared_buffers };
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');
const lat = (m: Measured) => `${fmt(m.p50, m.p50 < 10 ? 1 : 0)} / ${fmt(m.p99, m.p99 < 10 ? 1 : 0)}`;

function printTable(result: SizeResult, connections: number, duration: number): void {
  const header = ['request', 'alone ms', 'Ruta req/s', 'p50 / p99 ms', 'same SQL/s', 'p50 / p99 ms', 'minimal/s', 'p50 / p99 ms', 'Ruta ÷ SQL', 'Ruta ÷ min', 'errors'];
  const rows = result.scenarios.map((s) => [
    s.label,
    fmt(s.aloneMs, 1),
    fmt(s.ruta.perSecond),
    lat(s.ruta),
    s.statements ? fmt(s.sameSql.perSecond) : '–',
    s.statements ? lat(s.sameSql) : '–',
    fmt(s.minimal.perSecond),
    lat(s.minimal),
    s.statements ? fmt(s.ruta.perSecond / s.sameSql.perSecond, 2) : '–',
    fmt(s.ruta.perSecond / s.minimal.perSecond, 2),
    String(s.ruta.errors + s.sameSql.errors + s.minimal.errors),
  ]);
  process.stdout.write(`\n${result.cases.toLocaleString('en')} cases, ~${result.auditEvents.toLocaleString('en')} audit events; ${connections} connections, ${duration} s each; server RSS max ${result.serverMaxRssMb} MB\n`);
  process.stdout.write(markdown(header, rows));
}

function printScaling(results: SizeResult[]): void {
  const [small, large] = [results[0], results[results.length - 1]];
  const header = ['request', ...results.map((r) => `${r.cases.toLocaleString('en')} req/s`), 'slow-down', 'within 1.5×'];
  const rows = small.scenarios.flatMap((s) => {
    const last = large.scenarios.find((l) => l.name === s.name);
    if (!last) return [];
    const slowdown = s.ruta.perSecond / last.ruta.perSecond;
    const at = (r: SizeResult) => r.scenarios.find((x) => x.name === s.name)?.ruta.perSecond ?? NaN;
    return [[s.label, ...results.map((r) => fmt(at(r))), `${fmt(slowdown, 2)}×`, slowdown <= 1.5 ? 'yes' : 'no']];
  });
  process.stdout.write(`\nScaling ${small.cases.toLocaleString('en')} → ${large.cases.toLocaleString('en')} cases\n`);
  process.stdout.write(markdown(header, rows));
}

function markdown(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |\n`;
  return line(header) + `|${widths.map((w, c) => (c === 0 ? `${'-'.repeat(w + 2)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|\n` + rows.map(line).join('');
}

main().catch((error) => {
  process.stderr.write(`[bench] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
