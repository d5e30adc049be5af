/**
 * CPU time from Linux's /proc, for benches that share the machine with a PostgreSQL server:
 * a process tree's CPU (the postmaster, its live backends, and what its ended children used), and
 * the whole machine's busy share. Clock ticks are 10 ms (USER_HZ 100), so read them over spans
 * of seconds. Elsewhere than Linux both read as NaN.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10;

/** Fields after the command name of /proc/PID/stat (the name may hold spaces and parentheses). */
function statFields(pid: number | string): string[] | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return s.slice(s.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** CPU ms used so far by `root` and its children (live ones, plus ended ones reaped by root). */
export function treeCpuMs(root: number): number {
  const own = statFields(root);
  if (!own) return NaN;
  // After ')': state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const f = statFields(name);
    if (f && Number(f[1]) === root) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks * TICK_MS;
}

/** The machine's busy and total CPU ticks so far (all cores), from /proc/stat. */
export function machineTicks(): { busy: number; total: number } {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0); // idle + iowait
    const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: NaN, total: NaN };
  }
}
