import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** What a process costs over a window: CPU clock ticks, thread wake-ups and resident memory. */
export interface AtRest {
  ticksPerMinute: number;
  wakeupsPerSecond: number;
  rssMb: number;
}

interface Sample {
  ticks: number;
  switches: number;
  rssKb: number;
}

/**
 * Counted by the kernel (Linux's /proc), not by the process: user and system clock ticks, and
 * every thread's context switches (a thread that wakes and sleeps again switches once or more),
 * so a wake-up of the JavaScript thread, a worker or a V8 helper all count.
 */
function sample(pid: number): Sample {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  let switches = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      const status = readFileSync(`/proc/${pid}/task/${task}/status`, 'utf8');
      for (const m of status.matchAll(/^(?:non)?voluntary_ctxt_switches:\s+(\d+)$/gm))
        switches += Number(m[1]);
    } catch {
      // a thread that ended between the listing and the read
    }
  }
  const rssKb = Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return { ticks, switches, rssKb };
}

export function requireProc(): void {
  try {
    readFileSync('/proc/self/stat');
  } catch {
    throw new Error('the at-rest suite counts through /proc: run it on Linux');
  }
}

/** A process started for the suite; `ready` resolves once it printed `readyText` (or at once). */
export function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return {
    child,
    pid: child.pid!,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Measures each process over the same window, after the same settling time. */
export async function measureAtRest(
  pids: Record<string, number>,
  settleMs: number,
  windowMs: number,
): Promise<Record<string, AtRest>> {
  await new Promise((r) => setTimeout(r, settleMs));
  const before = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, sample(pid)]));
  await new Promise((r) => setTimeout(r, windowMs));
  const result: Record<string, AtRest> = {};
  for (const [k, pid] of Object.entries(pids)) {
    const a = before[k]!;
    const b = sample(pid);
    result[k] = {
      ticksPerMinute: ((b.ticks - a.ticks) * 60_000) / windowMs,
      wakeupsPerSecond: ((b.switches - a.switches) * 1000) / windowMs,
      rssMb: b.rssKb / 1024,
    };
  }
  return result;
}
