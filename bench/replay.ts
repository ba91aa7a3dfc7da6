import { randomInt, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { statementName } from '@ruta/server/platform/database/preparing-client';
import type { CapturedStatement } from './capture';

export interface Measured {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  firstError?: string;
}

/**
 * A statement as the server sends it: with parameters, as a named prepared statement (PreparingClient), so that the
 * replay plans it once per connection as the product does instead of at every execution; without, as it is.
 */
export function asServerSends(client: Client, text: string, values: unknown[]): Promise<unknown> {
  return values.length ? client.query({ name: statementName(text), text, values }) : client.query(text);
}

/** After a failed iteration: each connection out of whatever transaction it was left in. */
async function rollBack(clients: Client[]): Promise<void> {
  await Promise.all(clients.map((c) => c.query('ROLLBACK').catch(() => undefined)));
}

/** Only the parameters a statement refers to ($1…$n), so that BEGIN or a one-parameter statement can share a list. */
export function paramsFor(text: string, params: unknown[]): unknown[] {
  const used = [...text.matchAll(/\$(\d+)/g)].reduce((max, m) => Math.max(max, Number(m[1])), 0);
  return params.slice(0, used);
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Runs `iteration` on `concurrency` workers (each with its own connections) for `warmupSeconds` uncounted, then for
 * `seconds`, and measures how many complete per second and their latency: the raw-SQL counterpart of an autocannon run.
 */
export async function runConcurrently(
  urls: string[],
  concurrency: number,
  seconds: number,
  warmupSeconds: number,
  iteration: (clients: Client[], i: number) => Promise<void>,
): Promise<Measured> {
  const workers: Client[][] = [];
  for (let w = 0; w < concurrency; w++) {
    // A statement slower than the measurement itself is cut off (counted as an error), so that one pathological
    // baseline cannot keep the run waiting for minutes on 50 statements in flight.
    const clients = urls.map((url) => new Client({ connectionString: url, statement_timeout: Math.max(5_000, seconds * 1_000) }));
    for (const client of clients) client.on('error', () => undefined);
    await Promise.all(clients.map((c) => c.connect()));
    workers.push(clients);
  }
  let counter = 0;
  // The warm-up: the same iterations on the same connections, not counted (each connection prepares its statements).
  const warm = performance.now() + warmupSeconds * 1000;
  await Promise.all(
    workers.map(async (clients) => {
      while (performance.now() < warm) {
        await iteration(clients, counter++).catch(() => rollBack(clients));
      }
    }),
  );
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    workers.map(async (clients) => {
      while (performance.now() < deadline) {
        const i = counter++;
        const t = performance.now();
        try {
          await iteration(clients, i);
          latencies.push(performance.now() - t);
        } catch (error) {
          errors += 1;
          firstError ??= error instanceof Error ? error.message : String(error);
          await rollBack(clients);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(workers.flat().map((c) => c.end()));
  const sorted = Float64Array.from(latencies).sort();
  return { requests: latencies.length, perSecond: latencies.length / elapsed, p50: percentile(sorted, 50), p99: percentile(sorted, 99), errors, firstError };
}

/**
 * The statements one product request sent, grouped by connection in the order they ran (the session look-up as the
 * system role, then the request's transaction as the application role). Background work that happened to run during
 * the capture (the audit sealer) is left out. For writes the transaction ends in ROLLBACK instead of COMMIT.
 */
export function replayPlan(statements: CapturedStatement[], write: boolean): { user: string; statements: { text: string; values: unknown[]; returned: string[] }[] }[] {
  const groups = new Map<number, { user: string; statements: { text: string; values: unknown[]; returned: string[] }[] }>();
  for (const s of statements) {
    if (!groups.has(s.connection)) groups.set(s.connection, { user: s.user, statements: [] });
    groups.get(s.connection)!.statements.push({ text: write && /^COMMIT$/i.test(s.text.trim()) ? 'ROLLBACK' : s.text, values: s.values, returned: s.returned });
  }
  return [...groups.values()].filter((g) => !g.statements.some((s) => /audit_seals|pg_try_advisory/i.test(s.text)));
}

/**
 * Runs a request's statements once, in order, each data statement under EXPLAIN ANALYZE (so as the product's role, after
 * the same ruta_begin_request), and returns each one's planning + execution time (client round trip for the others).
 * `swap` gives a write fresh ids (freshValues).
 */
export async function explainPlan(
  plan: ReturnType<typeof replayPlan>,
  clientOf: (user: string) => Client,
  swap: (value: unknown) => unknown = (value) => value,
): Promise<{ user: string; ms: number; text: string }[]> {
  const lines: { user: string; ms: number; text: string }[] = [];
  for (const group of plan) {
    for (const s of group.statements) {
      const client = clientOf(group.user);
      const short = s.text.replace(/\s+/g, ' ').slice(0, 140);
      if (/^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)/i.test(s.text)) {
        const explained = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${s.text}`, s.values.map(swap)).catch((error: Error) => error);
        if (explained instanceof Error) {
          // Shown and skipped: one statement that cannot be replayed does not hide the others' times.
          lines.push({ user: group.user, ms: NaN, text: `${short}  -- failed: ${explained.message.slice(0, 160)}` });
          continue;
        }
        const { rows } = explained;
        const [{ 'Execution Time': execution, 'Planning Time': planning }] = rows[0]['QUERY PLAN'];
        lines.push({ user: group.user, ms: execution + planning, text: short });
        // BENCH_EXPLAIN_PLANS=ms: the whole plan of every statement slower than that.
        if (process.env.BENCH_EXPLAIN_PLANS && execution + planning > Number(process.env.BENCH_EXPLAIN_PLANS)) {
          const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values.map(swap));
          lines.push({ user: group.user, ms: 0, text: `${s.text}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}` });
        }
      } else {
        const t = performance.now();
        await client.query(s.text, s.values.map(swap));
        lines.push({ user: group.user, ms: performance.now() - t, text: short });
      }
    }
  }
  return lines;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A case's or a hotline contact's code: taken from a sequence by the server, unique, so always fresh in a replayed INSERT. */
const CODE = /^(RT|LN)-\d{4}-\d{6,7}$/;

/**
 * For a write: the ids and case codes the product generated for its INSERTs (values that no earlier statement used
 * and no earlier statement returned),
 * so that each replay inserts rows of its own instead of queueing on the same primary key.
 */
export function freshValues(plan: ReturnType<typeof replayPlan>, known: Iterable<string> = []): () => (value: unknown) => unknown {
  // Known values (the actors' user and institution ids: the server may have taken them from its session cache, so no
  // recorded statement returned them) are never replaced, or the replayed INSERT would break row-level security.
  const seen = new Set<unknown>(known);
  const generated = new Set<string>();
  for (const group of plan) {
    for (const statement of group.statements) {
      const insert = /^\s*INSERT/i.test(statement.text);
      for (const value of statement.values) {
        if (insert && typeof value === 'string' && ((UUID.test(value) && !seen.has(value)) || CODE.test(value))) generated.add(value);
        else seen.add(value);
      }
      // Values the database handed back (the actor's ids, a case found by its code, the next code) were not invented.
      for (const value of statement.returned) if (!generated.has(value) && !CODE.test(value)) seen.add(value);
    }
  }
  return () => {
    const fresh = new Map<string, string>();
    return (value) => {
      if (typeof value !== 'string' || !generated.has(value)) return value;
      if (!fresh.has(value)) fresh.set(value, UUID.test(value) ? randomUUID() : `${value.slice(0, 3)}2026-${randomInt(960_000, 1_000_000)}`);
      return fresh.get(value);
    };
  };
}
