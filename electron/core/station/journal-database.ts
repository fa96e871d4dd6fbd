import Database from 'libsql';

type TransactionBody = Parameters<Database.Database['transaction']>[0];

/**
 * The journal's SQLite connection. libsql's `transaction()` always runs ROLLBACK after an error;
 * when SQLite has already rolled the transaction back itself (a full disk fails the COMMIT with
 * SQLITE_FULL), that ROLLBACK throws "cannot rollback - no transaction is active" and hides the
 * real error. This one rolls back only a transaction still open, and always rethrows the cause.
 */
export class JournalDatabase extends Database {
  override transaction<F extends TransactionBody>(fn: F): Database.Transaction<F> {
    const run =
      (mode: string) =>
      (...params: Parameters<Database.Transaction<F>['default']>): ReturnType<F> => {
        this.exec(`BEGIN ${mode}`);
        try {
          const result = fn(...params) as ReturnType<F>;
          this.exec('COMMIT');
          return result;
        } catch (error) {
          if (this.inTransaction) {
            try {
              this.exec('ROLLBACK');
            } catch {
              // The cause below is what the caller must see.
            }
          }
          throw error;
        }
      };
    return Object.assign(run(''), { default: run(''), deferred: run('DEFERRED'), immediate: run('IMMEDIATE'), exclusive: run('EXCLUSIVE') });
  }
}
