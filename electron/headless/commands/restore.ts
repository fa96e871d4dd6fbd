import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listJournalBackups } from '../../core/station/journal-backup.ts';
import { restoreJournal } from '../../core/station/journal-restore.ts';
import { UsageError, type CliCommand } from '../cli-command.ts';
import { defaultDataDir } from '../headless-station.ts';

const help = `Usage: label-station restore [--data-dir DIR] [--backup FILE] [--list]

Puts a backup of the station's journal in its place, for a journal that is damaged. The station
must be stopped. Without --backup it takes the newest backup that is whole. The journal it
replaces is kept beside it as journal.db.replaced-<time>, never deleted.

The station keeps a backup at each start and one a day (the newest 7) in DIR/backups. Jobs
after the backup's time are not in it: check the batches printed since then.

Options:
  --data-dir DIR   the station's data folder (default ~/.local/share/label-station)
  --backup FILE    restore this backup instead of the newest
  --list           list the backups, newest first, and change nothing`;

export const restoreCommand: CliCommand = {
  help,
  run(argv) {
    let values: { 'data-dir'?: string; backup?: string; list?: boolean };
    try {
      values = parseArgs({ args: argv, strict: true, options: { 'data-dir': { type: 'string' }, backup: { type: 'string' }, list: { type: 'boolean' } } }).values;
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const journalPath = join(resolve(values['data-dir'] ?? defaultDataDir(process.env)), 'journal.db');
    if (values.list) {
      for (const backup of listJournalBackups(journalPath)) console.log(backup);
      return Promise.resolve(0);
    }
    const restored = restoreJournal(journalPath, values.backup === undefined ? undefined : resolve(values.backup));
    console.log(`restored ${journalPath} from ${restored.from}${restored.keptAt ? `; the journal it replaced is kept at ${restored.keptAt}` : ''}`);
    return Promise.resolve(0);
  },
};
