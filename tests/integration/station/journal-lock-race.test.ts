import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const contenderScript = fileURLToPath(new URL('./lock-contender.ts', import.meta.url));

/** A real process that takes or releases the journal lock when asked; each answer is one line. */
interface Contender {
  child: ChildProcessByStdio<Writable, Readable, null>;
  ask(command: string): Promise<string>;
}

function startContender(): Promise<Contender> {
  const child = spawn(process.execPath, ['--import', 'tsx', contenderScript], { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.(line));
  const next = (): Promise<string> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('a lock contender did not answer within 10 s')), 10_000);
      waiting.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
    });
  const ready = next();
  return ready.then(() => ({
    child,
    ask(command) {
      const answer = next();
      child.stdin.write(`${command}\n`);
      return answer;
    },
  }));
}

/** The pid of a process that has exited: what a killed station's old lock file held. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid ?? 999_999;

describe('the journal lock, taken by racing station processes', () => {
  let dir: string;
  let journal: string;
  let contenders: Contender[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lock-race-'));
    journal = join(dir, 'journal.db');
    contenders = await Promise.all(Array.from({ length: 6 }, () => startContender()));
  }, 60_000);
  afterAll(() => {
    for (const c of contenders) c.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets exactly one of six processes in, on a stale lock, in each of 100 trials', { timeout: 120_000 }, async () => {
    const winners: number[] = [];
    const stale = deadPid();
    for (let trial = 0; trial < 100; trial++) {
      // What a killed station leaves: its pid in the lock file.
      writeFileSync(`${journal}.lock`, String(stale));
      const answers = await Promise.all(contenders.map((c) => c.ask(`lock ${journal}`)));
      const won = answers.flatMap((answer, i) => (answer === 'won' ? [i] : []));
      expect(won, `trial ${trial}: ${answers.join(', ')}`).toHaveLength(1);
      expect(answers.filter((a) => a === 'lost StationLockedError')).toHaveLength(5);
      winners.push(won[0] ?? -1);
      expect(await contenders[won[0] ?? 0]?.ask('release')).toBe('released');
    }
    // A real race: more than one process won over the trials.
    expect(new Set(winners).size).toBeGreaterThan(1);
  });

  it('is not blocked by a lock file naming an unrelated live process', async () => {
    const unrelated = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(`${journal}.lock`, String(unrelated.pid));
      const [first] = contenders;
      expect(await first?.ask(`lock ${journal}`)).toBe('won');
      expect(await first?.ask('release')).toBe('released');
    } finally {
      unrelated.kill('SIGKILL');
    }
  });

  it('passes at once to the next station when its holder is SIGKILLed', async () => {
    const holder = await startContender();
    expect(await holder.ask(`lock ${journal}`)).toBe('won');
    const [next] = contenders;
    expect(await next?.ask(`lock ${journal}`)).toBe('lost StationLockedError');
    const exited = new Promise((resolve) => holder.child.once('exit', resolve));
    holder.child.kill('SIGKILL');
    await exited;
    expect(await next?.ask(`lock ${journal}`)).toBe('won');
    expect(await next?.ask('release')).toBe('released');
  });
});
