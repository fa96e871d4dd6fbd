import Database from 'libsql';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type RawBuilder } from 'kysely';
import pg from 'pg';
import { poolMigrations } from './pool-migrations.ts';
import type { PoolSchema } from './pool-schema.ts';
import type { PoolAddress } from './pool-url.ts';

export type PoolTarget =
  | { engine: 'postgres'; address: PoolAddress; password?: string; connectTimeoutMs?: number; queryTimeoutMs?: number }
  /** The same SQL on a SQLite file: fast tests of the pool's logic, no server. */
  | { engine: 'sqlite'; path: string };

export interface PoolDatabase {
  db: Kysely<PoolSchema>;
  /** The database's clock in epoch ms, as an SQL expression (leases compare against it). */
  now: () => RawBuilder<number>;
  shown: string;
  /** Resolves once the schema is up to date; a failed try (database away) is tried again on the next call. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

type Connection = Omit<PoolDatabase, 'ready'>;

const int8 = 20;

function postgres(target: Extract<PoolTarget, { engine: 'postgres' }>): Connection {
  const pool = new pg.Pool({
    host: target.address.host,
    port: target.address.port,
    database: target.address.database,
    user: target.address.user,
    password: target.password,
    max: 4,
    connectionTimeoutMillis: target.connectTimeoutMs ?? 3000,
    query_timeout: target.queryTimeoutMs ?? 5000,
    idleTimeoutMillis: 10_000,
    // Epoch milliseconds fit a double; pg hands bigint back as text otherwise.
    types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === int8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format ?? 'text')) } as pg.CustomTypesConfig,
  });
  // A dropped connection (database restarted or stopped) must not crash the station: the query
  // in flight fails on its own and the next one reconnects. pg emits 'error' on the pool for an
  // idle client and on the client itself for one checked out, which has no listener of its own.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<PoolSchema>({ dialect: new PostgresDialect({ pool }) });
  return { db, now: () => sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`, shown: target.address.shown, close: () => db.destroy() };
}

function sqlite(target: Extract<PoolTarget, { engine: 'sqlite' }>): Connection {
  const file = new Database(target.path);
  file.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;');
  // libsql's Database has better-sqlite3's shape, which is what SqliteDialect drives.
  const db = new Kysely<PoolSchema>({ dialect: new SqliteDialect({ database: file as unknown as ConstructorParameters<typeof SqliteDialect>[0]['database'] }) });
  return { db, now: () => sql<number>`cast((julianday('now') - 2440587.5) * 86400000 as integer)`, shown: target.path, close: () => db.destroy() };
}

/**
 * Stations starting together race to create the migrator's own tables (PostgreSQL's
 * `IF NOT EXISTS` is not atomic): the loser tries again and finds them made.
 */
async function migrate(db: Kysely<PoolSchema>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const { error } = await new Migrator({ db, provider: poolMigrations }).migrateToLatest();
    if (!error) return;
    if (attempt >= 3) throw error instanceof Error ? error : new Error(String(error));
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
  }
}

/**
 * Connects to the pool's database without waiting for it: a station may boot before the
 * database does, so the schema is brought up to date on the first exchange that reaches it.
 */
export function connectPoolDatabase(target: PoolTarget): PoolDatabase {
  const opened = target.engine === 'postgres' ? postgres(target) : sqlite(target);
  let migrated: Promise<void> | undefined;
  const ready = (): Promise<void> => {
    migrated ??= migrate(opened.db).catch((error: unknown) => {
      migrated = undefined;
      throw error;
    });
    return migrated;
  };
  return { ...opened, ready };
}

/** Opens the pool's database and brings its schema up to date. */
export async function openPoolDatabase(target: PoolTarget): Promise<PoolDatabase> {
  const opened = connectPoolDatabase(target);
  try {
    await opened.ready();
    return opened;
  } catch (error) {
    await opened.close();
    throw error;
  }
}
