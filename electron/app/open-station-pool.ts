import { operatorMessage, OperatorError } from '../shared/operator-message.ts';
import { openPoolDatabase } from '../core/pool/pool-database.ts';
import { PoolStore } from '../core/pool/pool-store.ts';
import { parsePoolUrl, redactPoolUrls } from '../core/pool/pool-url.ts';
import type { StationLogger } from '../core/station/station-options.ts';

export class PoolConnectError extends OperatorError {
  override name = 'PoolConnectError';
}

/** Opens the pool's database for a station and brings its schema up to date; logs only the redacted address. */
export async function openStationPool(pool: { url: string; password?: string; stationName: string; leaseMs: number; tickMs?: number }, logger: StationLogger): Promise<{ store: PoolStore; tickMs?: number }> {
  const address = parsePoolUrl(pool.url);
  try {
    const database = await openPoolDatabase({ engine: 'postgres', address, password: pool.password });
    logger.info(`joined the station pool at ${address.shown} as "${pool.stationName}" (lease ${pool.leaseMs / 1000} s)`, { kind: 'pool-joined' });
    // Renewed three times a lease, so one lost round trip does not cost it.
    return { store: new PoolStore(database, { station: pool.stationName, leaseMs: pool.leaseMs }), tickMs: pool.tickMs ?? Math.min(2000, pool.leaseMs / 3) };
  } catch (error) {
    const why = redactPoolUrls(error instanceof Error ? error.message : String(error));
    throw new PoolConnectError(operatorMessage('pool-connect-failed', { address: address.shown }, why), `cannot open the station pool at ${address.shown}: ${why}`);
  }
}
