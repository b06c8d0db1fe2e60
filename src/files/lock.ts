import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/**
 * One process at a time in a folder: a lock file that holds the process's id,
 * made with O_EXCL so that two processes cannot both take it. A lock whose
 * process has died (kill -9, a crash) is taken over. `npm run build` and
 * `npm run import` each take one.
 */

/** Whether a process is alive. A zombie (killed, not yet reaped: this happens under a PID 1 that reaps nothing) is not. */
function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // /proc/<pid>/stat: "pid (name) S …"; the state follows the name's closing bracket.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    // No /proc here (macOS): the signal check has to do.
    return true;
  }
}

/**
 * Takes the lock at `file`, or returns the id of the live process that holds
 * it. Any other failure to create the file (a read-only folder) is thrown.
 */
export function takeLock(file: string): { taken: true } | { taken: false; holder: number } {
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { taken: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && isProcessRunning(holder))
        return { taken: false, holder };
      // Left by a process that died.
      rmSync(file, { force: true });
    }
  }
}

/** Releases a lock this process holds; one another process took over is left alone. */
export function releaseLock(file: string): void {
  try {
    if (Number(readFileSync(file, 'utf8')) === process.pid) rmSync(file);
  } catch {
    // Already gone.
  }
}
