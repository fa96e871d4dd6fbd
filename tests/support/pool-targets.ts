import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PoolTarget } from '../../electron/core/pool/pool-database.ts';
import { missingTools } from './system-tools.ts';
import { postgresTool, startPostgresCluster, type PostgresCluster } from './postgres-cluster.ts';

/** A pool database for a suite: a fresh SQLite file, or a database on a throwaway cluster. */
export interface PoolTargetFactory {
  engine: 'sqlite' | 'postgres';
  available: boolean;
  setUp(): Promise<void>;
  /** A new, empty database for one test. */
  next(): Promise<PoolTarget>;
  tearDown(): Promise<void>;
  cluster(): PostgresCluster | undefined;
}

export function sqlitePoolTargets(): PoolTargetFactory {
  let dir = '';
  let n = 0;
  return {
    engine: 'sqlite',
    available: true,
    setUp: async () => {
      dir = mkdtempSync(join(tmpdir(), 'pool-sqlite-'));
    },
    next: async () => ({ engine: 'sqlite', path: join(dir, `pool-${(n += 1)}.db`) }),
    tearDown: async () => rmSync(dir, { recursive: true, force: true }),
    cluster: () => undefined,
  };
}

export function postgresPoolTargets(): PoolTargetFactory {
  const available = missingTools(postgresTool('initdb'), postgresTool('pg_ctl'), 'su').length === 0;
  let cluster: PostgresCluster | undefined;
  let n = 0;
  return {
    engine: 'postgres',
    available,
    setUp: async () => {
      cluster = await startPostgresCluster();
    },
    next: async () => {
      if (!cluster) throw new Error('the cluster is not started');
      n += 1;
      const name = `pool_${n}`;
      const { Client } = (await import('pg')).default;
      const admin = new Client({ host: cluster.address.host, port: cluster.address.port, user: 'postgres', database: 'pool' });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      return { engine: 'postgres', address: { ...cluster.address, database: name, shown: `${cluster.address.shown}_${n}` } };
    },
    tearDown: async () => cluster?.destroy(),
    cluster: () => cluster,
  };
}
