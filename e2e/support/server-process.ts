import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { XSRF_COOKIE, XSRF_HEADER } from '@ruta/shared';

const ROOT = resolve(__dirname, '../..');
const BASE_ENV = { PATH: process.env.PATH ?? '', SWC_NODE_PROJECT: 'server/tsconfig.json' };

/** Runs a TypeScript entry point of the server (main.ts, a CLI) to its end, as `npm start` / `npm run` would. */
export function runServerScript(script: string, env: Record<string, string>, args: string[] = [], timeout = 60_000) {
  return spawnSync(process.execPath, ['-r', '@swc-node/register', script, ...args], {
    cwd: ROOT,
    env: { ...BASE_ENV, ...env },
    encoding: 'utf8',
    timeout,
  });
}

/** `server/src/main.ts` running in a child process, as `npm start` runs it. */
export class ServerProcess {
  stdout = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  private readonly child: ChildProcess;

  private constructor(readonly env: Record<string, string>) {
    this.child = spawn(process.execPath, ['-r', '@swc-node/register', 'server/src/main.ts'], {
      cwd: ROOT,
      env: { ...BASE_ENV, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.stdout += chunk.toString('utf8')));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })));
  }

  /** Starts the server and waits for "Ruta is ready"; fails with its output if it stops first. */
  static async start(env: Record<string, string>, timeoutMs = 90_000): Promise<ServerProcess> {
    const server = new ServerProcess(env);
    const deadline = Date.now() + timeoutMs;
    let gone = false;
    void server.exited.then(() => (gone = true));
    while (!server.stdout.includes('Ruta is ready')) {
      if (gone || Date.now() > deadline) {
        server.kill();
        throw new Error(`The server did not start:\n${server.stdout.slice(-3000)}\n${server.stderr.slice(-2000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return server;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get url(): string {
    return `http://localhost:${this.env.PORT}`;
  }

  /** Sends `signal` and waits for the exit: its code and how long it took. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | null; ms: number }> {
    const sentAt = Date.now();
    this.child.kill(signal);
    const { code, at } = await this.exited;
    return { code, ms: at - sentAt };
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }

  /** Lines pino printed at error level or above. */
  get errorLines(): string[] {
    return this.stdout.split('\n').filter((line) => /"level":(5|6)\d/.test(line));
  }
}

/** The pid of the embedded PostgreSQL serving `dataDir` (inside it, or where Ruta moved the cluster). */
export function embeddedPostgresPid(dataDir: string): number | undefined {
  const pointer = join(dataDir, 'embedded-pg-dir');
  const home = existsSync(pointer) ? readFileSync(pointer, 'utf8').trim() : dataDir;
  const pidFile = join(home, 'pg', 'postmaster.pid');
  return existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : undefined;
}

/** A signed-in client over real HTTP (fetch): keeps the cookies and echoes the anti-forgery token. */
export class HttpSession {
  private cookies = new Map<string, string>();

  private constructor(private readonly base: string) {}

  static async login(base: string, email: string, password = 'ruta-demo-2026'): Promise<HttpSession> {
    const session = new HttpSession(base);
    const response = await session.send('POST', '/api/auth/login', { email, password });
    if (response.status !== 200) throw new Error(`Login of ${email} failed: ${response.status} ${await response.text()}`);
    return session;
  }

  async send(method: string, path: string, body?: object): Promise<Response> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        Cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        [XSRF_HEADER]: this.cookies.get(XSRF_COOKIE) ?? '',
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }

  async json<T>(method: string, path: string, body?: object): Promise<T> {
    const response = await this.send(method, path, body);
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
}
