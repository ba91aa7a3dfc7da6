import { ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, readFileSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePortAfter, isPortFree } from '../lifecycle/ports';
import { EmbeddedLayout, EmbeddedPostgresError } from './embedded-layout';

/** A PostgreSQL server process that this Ruta started. */
export interface PostgresProcess {
  pid: number;
  /**
   * Fast shutdown (SIGINT), then immediate shutdown (SIGQUIT) and SIGKILL if it takes longer than `graceMs`. Resolves at
   * once when the server is already gone (it died, or was stopped before).
   */
  stop(graceMs?: number): Promise<void>;
}

const READY = 'database system is ready to accept connections';
const START_TIMEOUT_MS = 120_000;
const LOG_LIMIT = 5 * 1024 * 1024;

/** Runs initdb as the cluster's user, with the owner password in a file that only that user can read. */
export async function initialiseCluster(layout: EmbeddedLayout, password: string, logFile: string): Promise<void> {
  const pwfile = join(layout.home, `.initdb-password-${process.pid}`);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (layout.runAs) chownSync(pwfile, layout.runAs.uid, layout.runAs.gid);
  try {
    const args = [
      `--pgdata=${layout.clusterDir}`,
      '--auth=scram-sha-256',
      '--username=postgres',
      `--pwfile=${pwfile}`,
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--lc-messages=C',
    ];
    const child = launch(layout, 'initdb', args, logFile);
    const output: string[] = [];
    const keep = (chunk: Buffer) =>
      output.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((line) => line.trim()),
      );
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', resolve);
    }).catch((error: NodeJS.ErrnoException) => {
      throw spawnProblem(layout, 'initdb', error);
    });
    if (code !== 0) {
      const last = output.reverse().find((line) => /error|fatal|could not|cannot/i.test(line)) ?? output[0] ?? `exit code ${code}`;
      throw new EmbeddedPostgresError(
        `embedded PostgreSQL could not create its cluster in ${layout.clusterDir}: ${last.trim()} (see ${logFile})`,
      );
    }
  } finally {
    if (existsSync(pwfile)) unlinkSync(pwfile);
  }
}

/**
 * Starts the server on 127.0.0.1:`port` (no Unix socket, so clusters never meet in /tmp) in its own process group, so a
 * Ctrl-C in the terminal reaches Ruta only and Ruta stops the database after the last request. Resolves once it
 * accepts connections; otherwise rejects with one line naming the cause.
 */
export async function startServer(
  layout: EmbeddedLayout,
  port: number,
  logFile: string,
  onLog?: (line: string) => void,
  onNotice?: (line: string) => void,
): Promise<PostgresProcess> {
  await stopLeftoverServer(layout, onNotice);
  await assertEmbeddedPortFree(port);
  const args = [
    '-D',
    layout.clusterDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=200',
  ];
  const child = launch(layout, 'postgres', args, logFile, onLog);
  const lines: string[] = [];
  let exited = child.exitCode !== null;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
    child.once('error', () => {
      exited = true;
      resolve();
    });
  });
  const killOnExit = () => {
    if (!exited) child.kill('SIGINT');
  };
  process.once('exit', killOnExit);

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGQUIT');
      reject(
        new EmbeddedPostgresError(`embedded PostgreSQL did not accept connections within ${START_TIMEOUT_MS / 1000} s (see ${logFile})`),
      );
    }, START_TIMEOUT_MS);
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      lines.push(...text.split('\n').filter(Boolean));
      if (lines.length > 200) lines.splice(0, lines.length - 200);
      if (text.includes(READY)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(spawnProblem(layout, 'postgres', error));
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(startProblem(lines, layout, port, logFile));
    });
  });

  return {
    pid: child.pid!,
    async stop(graceMs = 6000) {
      process.removeListener('exit', killOnExit);
      if (exited) return;
      const waitExit = (ms: number) =>
        Promise.race([exit.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref())]);
      child.kill('SIGINT');
      if (await waitExit(Math.max(500, graceMs - 1500))) return;
      child.kill('SIGQUIT');
      if (await waitExit(1000)) return;
      child.kill('SIGKILL');
      await waitExit(500);
    },
  };
}

function launch(
  layout: EmbeddedLayout,
  program: 'initdb' | 'postgres',
  args: string[],
  logFile: string,
  onLog?: (line: string) => void,
): ChildProcess {
  rotateLog(logFile);
  const child = spawn(join(layout.installDir, 'bin', program), args, {
    uid: layout.runAs?.uid,
    gid: layout.runAs?.gid,
    cwd: layout.home,
    detached: program === 'postgres',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      LC_MESSAGES: 'C',
      LANG: 'C.UTF-8',
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      ...(process.env.TZ ? { TZ: process.env.TZ } : {}),
    },
  });
  const record = (chunk: Buffer) => {
    try {
      appendFileSync(logFile, chunk);
    } catch {
      // The log is a convenience; never a reason to fail.
    }
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) onLog?.(line);
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  return child;
}

function rotateLog(logFile: string): void {
  try {
    if (statSync(logFile).size > LOG_LIMIT) truncateSync(logFile, 0);
  } catch {
    // No log yet.
  }
}

/** Fails fast, with the variable to change, when something already listens on the embedded port. */
export async function assertEmbeddedPortFree(port: number): Promise<void> {
  if (await isPortFree(port, '127.0.0.1')) return;
  throw portInUse(port, await freePortAfter(port, '127.0.0.1'));
}

function portInUse(port: number, suggestion = port + 1): EmbeddedPostgresError {
  return new EmbeddedPostgresError(
    `port ${port} of embedded PostgreSQL is already in use (another Ruta, or another PostgreSQL): set EMBEDDED_PG_PORT=${suggestion}, or stop what uses it`,
  );
}

/**
 * A server left running on this cluster (Ruta was killed with SIGKILL, or its terminal closed) blocks a new start.
 * The caller holds the data folder's lock, so no live Ruta owns it: stop it, as its own process would have.
 */
async function stopLeftoverServer(layout: EmbeddedLayout, onNotice?: (line: string) => void): Promise<void> {
  const pidFile = join(layout.clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgres(pid)) return;
  onNotice?.(`Stopping the embedded PostgreSQL left running by an earlier start (pid ${pid})`);
  const gone = async (ms: number) => {
    for (const end = Date.now() + ms; Date.now() < end;) {
      if (!isPostgres(pid)) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return !isPostgres(pid);
  };
  process.kill(pid, 'SIGINT');
  if (await gone(10_000)) return;
  process.kill(pid, 'SIGQUIT');
  if (await gone(3000)) return;
  throw new EmbeddedPostgresError(
    `an embedded PostgreSQL (pid ${pid}) still runs on ${layout.clusterDir} and does not stop: stop it (kill ${pid}) and start again`,
  );
}

function isPostgres(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return false;
  }
}

function spawnProblem(layout: EmbeddedLayout, program: string, error: NodeJS.ErrnoException): EmbeddedPostgresError {
  const who = layout.runAs ? `the ${layout.runAs.name} user` : 'this user';
  if (error.code === 'EACCES' || error.code === 'EPERM') {
    return new EmbeddedPostgresError(
      `${who} cannot run ${join(layout.installDir, 'bin', program)}: set EMBEDDED_PG_DIR to a folder it can reach, or set DATABASE_URL`,
    );
  }
  if (error.code === 'ENOENT')
    return new EmbeddedPostgresError(
      `embedded PostgreSQL's ${program} is missing from ${layout.installDir}: run npm install, or set DATABASE_URL`,
    );
  return new EmbeddedPostgresError(`embedded PostgreSQL's ${program} could not start: ${error.message}`);
}

/** The cause of a server that exited during start-up, from its last lines. */
function startProblem(lines: string[], layout: EmbeddedLayout, port: number, logFile: string): EmbeddedPostgresError {
  const text = lines.join('\n');
  if (/could not bind IPv4 address|could not create any TCP\/IP sockets|Address already in use/.test(text)) return portInUse(port);
  const lock = /lock file "postmaster.pid" already exists[\s\S]*?PID (\d+)/.exec(text);
  if (lock)
    return new EmbeddedPostgresError(
      `another PostgreSQL (pid ${lock[1]}) runs on ${layout.clusterDir}: stop it first, or set RUTA_DATA_DIR to another folder`,
    );
  const incompatible = /database files are incompatible with server[\s\S]*?DETAIL:\s*(.*)/.exec(text);
  if (incompatible) {
    return new EmbeddedPostgresError(
      `the embedded cluster in ${layout.clusterDir} was made by another PostgreSQL version (${incompatible[1].trim()}): back it up with that version, or move the folder away`,
    );
  }
  const fatal = [...lines].reverse().find((line) => /FATAL|PANIC/.test(line));
  const reason = fatal ? fatal.replace(/^.*?(FATAL|PANIC):\s*/, '') : (lines.at(-1)?.trim() ?? 'it exited without a word');
  return new EmbeddedPostgresError(`embedded PostgreSQL stopped during start-up: ${reason} (see ${logFile})`);
}
