// One local stack per data directory. Two stacks on one DATA_DIR would share one dynalite database
// (LevelDB allows one process) and one secrets file, and end in port clashes and `Database is closed`
// stack traces; the second start is refused instead, naming the running one. The lock is a file
// holding the owner's pid: a lock whose process is gone (killed, crashed) is stale and taken over.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'talkwatch.lock';

export class DataDirInUseError extends Error {
  constructor(
    readonly pid: number,
    readonly dataDir: string,
  ) {
    super(
      `Talkwatch is already running with this data directory (pid ${pid}): ${dataDir}\n` +
        'Stop that one first (Ctrl-C in its terminal), or set DATA_DIR to another directory.',
    );
    this.name = 'DataDirInUseError';
  }
}

interface LockOwner {
  pid: number;
  /** When the process started (Linux: clock ticks since boot), so a reused pid is not taken for the owner. */
  started?: string;
}

export interface DataDirLock {
  release(): void;
}

/** Take the data directory (which must exist) for this process, or throw DataDirInUseError. */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = join(dataDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, ...startTime(process.pid) };
  // Two attempts: the second follows the removal of a stale lock. If another start removed it and
  // took the directory in between, the exclusive create fails again and that start is reported.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, `${JSON.stringify(me)}\n`);
      closeSync(fd);
      const release = () => {
        process.removeListener('exit', release);
        if (readOwner(file)?.pid === me.pid) unlinkSync(file);
      };
      // Released on a normal exit even when nobody calls release(); a SIGKILL leaves a stale lock.
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(file);
    if (owner && isRunning(owner)) throw new DataDirInUseError(owner.pid, dataDir);
    try {
      unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const owner = readOwner(file);
  throw new DataDirInUseError(owner?.pid ?? 0, dataDir);
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
    return Number.isInteger(owner.pid) && owner.pid > 0 ? owner : undefined;
  } catch {
    // Missing, or half-written by a start that was killed at that instant: either way nobody owns it.
    return undefined;
  }
}

function isRunning(owner: LockOwner): boolean {
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // The pid is alive; where the OS tells us when it started, it must be the same process.
  const now = startTime(owner.pid).started;
  return owner.started === undefined || now === undefined || now === owner.started;
}

/** Field 22 of /proc/<pid>/stat (Linux); nothing elsewhere, where the pid alone is trusted. */
function startTime(pid: number): { started?: string } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from its end.
    const started = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return started ? { started } : {};
  } catch {
    return {};
  }
}
