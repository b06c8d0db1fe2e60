import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs `node <args>` in a process group of its own and kills the group with
 * SIGKILL (kill -9, no cleanup) as soon as `when()` holds. Resolves, once the
 * process has ended, with whether it was killed: false when it ended first.
 */
export async function killWhen(
  args: string[],
  options: { cwd: string; env: Record<string, string | undefined> },
  when: () => boolean,
  pollMs = 5,
): Promise<boolean> {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: 'ignore',
  });
  const state = { exited: false };
  const ended = new Promise<void>((done) =>
    child.on('exit', () => {
      state.exited = true;
      done();
    }),
  );
  while (!state.exited && !when()) await sleep(pollMs);
  const killed = !state.exited;
  if (killed) process.kill(-child.pid!, 'SIGKILL');
  await ended;
  return killed;
}
