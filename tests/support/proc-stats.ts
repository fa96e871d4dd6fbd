import { readFileSync } from 'node:fs';

const clockTicks = 100;
const pageKb = 4;

/** A process's CPU time so far (utime + stime, in seconds) and its resident memory in MB, from /proc. */
export function processStats(pid: number): { cpuS: number; rssMb: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const cpuS = (Number(fields[11]) + Number(fields[12])) / clockTicks;
  const rssMb = (Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * pageKb) / 1024;
  return { cpuS, rssMb };
}
