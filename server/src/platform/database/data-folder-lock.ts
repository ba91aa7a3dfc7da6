import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EmbeddedPostgresError } from './embedded-layout';

/** Who holds a data folder, as `ruta.pid` inside it records. */
export interface DataFolderHolder {
  pid: number;
  /** What the holder is: "a running Ruta", "npm run migrate". */
  what: string;
  /** Where it serves, for a running Ruta. */
  url?: string;
  /** Port of the embedded PostgreSQL it started, for commands that want to reuse it. */
  embeddedPort?: number;
  /** The kernel's start time of the process (Linux), so that a recycled pid is not taken for the holder. */
  processStart?: string;
}

export const LOCK_FILE = 'ruta.pid';

/**
 * One process at a time per data folder: the embedded cluster, its password and the secret key live there. The lock is
 * a file written exclusively; a file left by a process that is gone (killed, machine restarted) is taken over.
 */
export class DataFolderLock {
  private released = false;
  private readonly onExit = () => this.release();

  private constructor(private readonly file: string) {
    process.once('exit', this.onExit);
  }

  static acquire(dataDir: string, holder: Omit<DataFolderHolder, 'pid' | 'processStart'>): DataFolderLock {
    const dir = resolve(dataDir);
    const file = join(dir, LOCK_FILE);
    const content = JSON.stringify({ ...holder, pid: process.pid, processStart: processStart(process.pid) } satisfies DataFolderHolder);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = openSync(file, 'wx', 0o644);
        writeSync(fd, `${content}\n`);
        closeSync(fd);
        return new DataFolderLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const current = readHolder(dir);
      if (current && isAlive(current)) {
        throw new EmbeddedPostgresError(
          `the data folder ${dataDir} is in use by ${current.what} (pid ${current.pid}${current.url ? `, ${current.url}` : ''}): stop it first, or set RUTA_DATA_DIR to another folder`,
        );
      }
      try {
        unlinkSync(file);
      } catch {
        // Another process took the stale lock over at the same moment; the next attempt sees its file.
      }
    }
    throw new EmbeddedPostgresError(`the data folder ${dataDir} is being taken by another process: try again`);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    process.removeListener('exit', this.onExit);
    try {
      const current = JSON.parse(readFileSync(this.file, 'utf8')) as DataFolderHolder;
      if (current.pid === process.pid) unlinkSync(this.file);
    } catch {
      // Already gone.
    }
  }
}

/** The live holder of a data folder, if any. */
export function dataFolderHolder(dataDir: string): DataFolderHolder | undefined {
  const holder = readHolder(resolve(dataDir));
  return holder && isAlive(holder) ? holder : undefined;
}

function readHolder(dir: string): DataFolderHolder | undefined {
  const file = join(dir, LOCK_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as DataFolderHolder;
    return Number.isInteger(holder.pid) ? holder : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(holder: DataFolderHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = processStart(holder.pid);
  return !holder.processStart || !started || started === holder.processStart;
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot); undefined off Linux. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
