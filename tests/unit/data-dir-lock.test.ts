// The data directory lock on its own: who counts as the running owner, and when a lock is stale.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirInUseError, LOCK_FILE, lockDataDir } from '../../functions/local/data-dir-lock';

const dir = () => mkdtempSync(join(tmpdir(), 'talkwatch-lock-'));

describe('data directory lock', () => {
  it('is taken once, refused while held (naming the pid), and free again once released', () => {
    const dataDir = dir();
    const lock = lockDataDir(dataDir);
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    expect(() => lockDataDir(dataDir)).toThrowError(DataDirInUseError);
    expect(() => lockDataDir(dataDir)).toThrowError(`(pid ${process.pid})`);
    lock.release();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    lockDataDir(dataDir).release();
  });

  it('refuses while another live process holds it', async () => {
    const dataDir = dir();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await new Promise((r) => other.once('spawn', r));
      writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: other.pid }));
      expect(() => lockDataDir(dataDir)).toThrowError(`(pid ${other.pid})`);
    } finally {
      other.kill('SIGKILL');
    }
    await new Promise((r) => other.once('exit', r));
    // Its process is gone: the lock is stale and taken over.
    lockDataDir(dataDir).release();
  });

  it.each<[string, { pid: number; started?: string } | string]>([
    ['a pid that no longer exists', { pid: 2 ** 22 + 12345 }],
    ['an unreadable (half-written) lock', 'not json'],
    ['a pid now used by another process (it started at another time)', { pid: process.ppid, started: '1' }],
  ])('takes over %s', (_name, content) => {
    if (typeof content === 'object' && content.started && !existsSync('/proc/self/stat')) return;
    const dataDir = dir();
    writeFileSync(join(dataDir, LOCK_FILE), typeof content === 'string' ? content : JSON.stringify(content));
    const lock = lockDataDir(dataDir);
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });
});
