import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFolderLock, dataFolderHolder, LOCK_FILE, processStart } from './data-folder-lock';

describe('DataFolderLock', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ruta-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('records who holds the folder and lets it go', () => {
    const lock = DataFolderLock.acquire(dir, { what: 'a running Ruta', url: 'http://localhost:3000/', embeddedPort: 54329 });
    expect(dataFolderHolder(dir)).toMatchObject({ pid: process.pid, what: 'a running Ruta', embeddedPort: 54329 });
    lock.release();
    expect(dataFolderHolder(dir)).toBeUndefined();
  });

  it('refuses a second holder with one line naming the first by pid and URL', () => {
    const lock = DataFolderLock.acquire(dir, { what: 'a running Ruta', url: 'http://localhost:3000/' });
    try {
      expect(() => DataFolderLock.acquire(dir, { what: 'npm run migrate' })).toThrow(
        `the data folder ${dir} is in use by a running Ruta (pid ${process.pid}, http://localhost:3000/): stop it first, or set RUTA_DATA_DIR to another folder`,
      );
    } finally {
      lock.release();
    }
  });

  it('takes over a lock left by a process that is gone, or by a recycled pid', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: Number(gone), what: 'a running Ruta' }));
    DataFolderLock.acquire(dir, { what: 'a running Ruta' }).release();
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: process.pid, what: 'a running Ruta', processStart: `${processStart(process.pid)}1` }),
    );
    const lock = DataFolderLock.acquire(dir, { what: 'a running Ruta' });
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).processStart).toBe(processStart(process.pid));
    lock.release();
  });
});
