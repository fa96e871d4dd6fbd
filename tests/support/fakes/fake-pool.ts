import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { openPoolDatabase, type PoolDatabase } from '../../../electron/core/pool/pool-database.ts';
import { PoolStore } from '../../../electron/core/pool/pool-store.ts';

/**
 * The pool on a SQLite file, with a switch that makes the database unreachable: every query
 * fails as a dropped connection would, until it is switched back. Time is the test's clock.
 */
export interface SwitchablePool {
  /** A station's store, on that station's clock. */
  store(station: string, now: () => number, leaseMs?: number): PoolStore;
  /** The database as the test sees it (never cut off). */
  database: PoolDatabase;
  /** Cuts one station off (a dead process renews nothing), or all of them. */
  down(station?: string): void;
  up(station?: string): void;
  close(): Promise<void>;
}

export async function startSwitchablePool(): Promise<SwitchablePool> {
  const dir = mkdtempSync(join(tmpdir(), 'fake-pool-'));
  const database = await openPoolDatabase({ engine: 'sqlite', path: join(dir, 'pool.db') });
  const cut = new Set<string>();
  const everyone = '*';
  const seenBy = (station: string): PoolDatabase => {
    const plugin: KyselyPlugin = {
      transformQuery: (args) => {
        if (cut.has(everyone) || cut.has(station)) throw new Error('connect ECONNREFUSED 10.0.0.5:5432');
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    // The station closes its store when it stops; the file outlives it, as a server does.
    return { ...database, db: database.db.withPlugin(plugin), close: async () => undefined };
  };
  return {
    store: (station, now, leaseMs = 3000) => new PoolStore(seenBy(station), { station, leaseMs, now }),
    database,
    down: (station = everyone) => void cut.add(station),
    up: (station = everyone) => void cut.delete(station),
    async close() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
