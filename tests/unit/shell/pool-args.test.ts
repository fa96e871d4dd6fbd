import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { openStationPool } from '../../../electron/app/open-station-pool.ts';
import { parsePoolUrl, redactPoolUrls } from '../../../electron/core/pool/pool-url.ts';
import { silentLogger, type StationLogger } from '../../../electron/core/station/station-options.ts';
import { parseCommandLine, stationArgOptions, stationOptionsFromArgs } from '../../../electron/headless/commands/station-args.ts';
import { headlessShell } from '../../../electron/headless/headless-station.ts';

const args = (argv: string[]) => stationOptionsFromArgs(parseCommandLine(argv, stationArgOptions));

describe('joining a pool from the command line', () => {
  it('takes --journal, --station-name and --pool-lease, and refuses a password in the address without repeating it', () => {
    expect(args(['--journal', 'postgres://kiosk@db.local:5433/pool', '--station-name', 'Meja 2', '--pool-lease', '20'])).toMatchObject({ journalUrl: 'postgres://kiosk@db.local:5433/pool', stationName: 'Meja 2', poolLeaseSeconds: 20 });
    const refused = (() => {
      try {
        args(['--journal', 'postgres://kiosk:hunter2@db.local/pool']);
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
      return 'accepted';
    })();
    expect(refused).toContain('PGPASSWORD');
    expect(refused).not.toContain('hunter2');
    expect(() => args(['--journal', 'mysql://db/pool'])).toThrow(/postgres:\/\//);
    expect(() => args(['--journal', 'postgres://db.local'])).toThrow(/database/);
    expect(() => args(['--station-name', 'a;rm -rf /'])).toThrow(/station-name/);
    expect(() => args(['--pool-lease', '0'])).toThrow(/pool-lease/);
  });

  it('shows the address without credentials, and cuts them out of any driver message', () => {
    expect(parsePoolUrl('postgresql://kiosk@db.local/pool')).toMatchObject({ host: 'db.local', port: 5432, database: 'pool', user: 'kiosk', shown: 'postgres://db.local:5432/pool' });
    expect(redactPoolUrls('failed for postgres://kiosk:hunter2@db.local:5432/pool (and postgres://x@y/z)')).toBe('failed for postgres://db.local:5432/pool (and postgres://y/z)');
  });

  it('takes the pool address and PGPASSWORD out of the environment, so no helper program inherits them', () => {
    const env: Record<string, string | undefined> = { LABEL_STATION_JOURNAL_URL: 'postgres://kiosk@db.local/pool', PGPASSWORD: 'hunter2', HOME: '/home/kiosk' };
    const shell = headlessShell({ dataDir: '/tmp/unused', env, logger: silentLogger, stationName: 'meja-1' }, '/tmp/assets');
    expect(env).toEqual({ HOME: '/home/kiosk' });
    expect(shell.pool).toEqual({ url: 'postgres://kiosk@db.local/pool', password: 'hunter2', stationName: 'meja-1', leaseMs: 15_000 });
  });

  it('starts without a pool that answers garbage, says which one, never with the password, in the log and the errors', async () => {
    // A port that accepts and hangs up at once: a database that answers garbage.
    const server = createServer((socket) => socket.end('garbage\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const logged: string[] = [];
    const logger: StationLogger = { info: (m) => logged.push(m), warn: (m) => logged.push(m), error: (m) => logged.push(m) };
    try {
      const { store } = await openStationPool({ url: `postgres://kiosk@127.0.0.1:${port}/pool`, password: 'hunter2', stationName: 'meja-1', leaseMs: 5000 }, logger);
      expect(logged.join('\n')).toMatch(new RegExp(`the station pool at postgres://127.0.0.1:${port}/pool does not answer yet`));
      // Every later exchange fails the same way (the station's alert), again without the password.
      const failure = await store.heartbeat().then(
        () => 'answered',
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
      await store.close();
      expect(failure).not.toBe('answered');
      expect(failure).not.toContain('hunter2');
      expect(logged.join('\n')).not.toContain('hunter2');
    } finally {
      server.close();
    }
  });
});
