import { connectPoolDatabase } from '../core/pool/pool-database.ts';
import { PoolStore } from '../core/pool/pool-store.ts';
import { parsePoolUrl, redactPoolUrls } from '../core/pool/pool-url.ts';
import type { StationLogger } from '../core/station/station-options.ts';

/**
 * Connects a station to its pool and tries once to bring the schema up to date. A database that
 * does not answer yet (a kiosk booting before it) does not stop the station: the pool's alert
 * says so, nothing is claimed, and the schema is made when the database first answers.
 * Logs only the redacted address.
 */
export async function openStationPool(pool: { url: string; password?: string; stationName: string; leaseMs: number; tickMs?: number }, logger: StationLogger): Promise<{ store: PoolStore; tickMs?: number }> {
  const address = parsePoolUrl(pool.url);
  const database = connectPoolDatabase({ engine: 'postgres', address, password: pool.password });
  try {
    await database.ready();
    logger.info(`joined the station pool at ${address.shown} as "${pool.stationName}" (lease ${pool.leaseMs / 1000} s)`, { kind: 'pool-joined' });
  } catch (error) {
    const why = redactPoolUrls(error instanceof Error ? error.message : String(error));
    logger.warn(`the station pool at ${address.shown} does not answer yet (${why}): starting without it, joining as "${pool.stationName}" when it answers`, { kind: 'pool-deferred' });
  }
  // Renewed three times a lease, so one lost round trip does not cost it.
  return { store: new PoolStore(database, { station: pool.stationName, leaseMs: pool.leaseMs }), tickMs: pool.tickMs ?? Math.min(2000, pool.leaseMs / 3) };
}
