import { type Kysely, type Migration, type MigrationProvider } from 'kysely';

/**
 * The pool's schema as ordered migrations, in code so the bundle carries them. Each runs on
 * PostgreSQL and SQLite alike: only portable column types and no engine-specific defaults.
 */
const migrations: Record<string, Migration> = {
  '0001-pool': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('stations')
        .ifNotExists()
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('heartbeat_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('claims')
        .ifNotExists()
        .addColumn('processed', 'text', (c) => c.notNull())
        .addColumn('target_print_status', 'integer', (c) => c.notNull())
        .addColumn('station', 'text', (c) => c.notNull())
        .addColumn('claimed_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('claims_batch_target', ['processed', 'target_print_status'])
        .execute();
      await db.schema
        .createTable('pool_jobs')
        .ifNotExists()
        .addColumn('job_key', 'text', (c) => c.primaryKey())
        .addColumn('processed', 'text', (c) => c.notNull())
        .addColumn('target_print_status', 'integer')
        .addColumn('station', 'text', (c) => c.notNull())
        .addColumn('local_job', 'text')
        .addColumn('printer', 'text', (c) => c.notNull())
        .addColumn('template', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('lease_until', 'bigint', (c) => c.notNull())
        .addColumn('batch_labels', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('pool_jobs_running').ifNotExists().on('pool_jobs').columns(['state', 'lease_until']).execute();
      await db.schema.createIndex('pool_jobs_holder').ifNotExists().on('pool_jobs').columns(['station', 'local_job']).execute();
      await db.schema
        .createTable('pool_labels')
        .ifNotExists()
        .addColumn('job_key', 'text', (c) => c.notNull())
        .addColumn('batch_index', 'integer', (c) => c.notNull())
        .addColumn('order_json', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('possible_duplicate', 'integer', (c) => c.notNull())
        .addColumn('printed_by', 'text')
        .addPrimaryKeyConstraint('pool_labels_place', ['job_key', 'batch_index'])
        .execute();
    },
  },
};

export const poolMigrations: MigrationProvider = { getMigrations: async () => migrations };
