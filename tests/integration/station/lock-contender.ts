import { createInterface } from 'node:readline';
import { lockJournal } from '../../../electron/core/station/journal-lock.ts';

/**
 * A process that tries the station's journal lock when told on stdin (`lock PATH`, `release`) and
 * answers one line per command: how racing stations are played in the lock tests.
 */
let release: (() => void) | undefined;
const answer = (line: string): void => void process.stdout.write(`${line}\n`);
createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, path] = line.split(' ');
  if (command === 'lock' && path) {
    try {
      release = lockJournal(path);
      answer('won');
    } catch (error) {
      answer(`lost ${error instanceof Error ? error.name : 'Error'}`);
    }
  } else if (command === 'release') {
    release?.();
    release = undefined;
    answer('released');
  }
});
answer('ready');
