import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePoolUrl, type PoolAddress } from '../../electron/core/pool/pool-url.ts';

/** Debian's PostgreSQL binaries (`/usr/lib/postgresql/<N>/bin`); `initdb` on the PATH otherwise. */
export function postgresTool(name: string): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => join(root, v, 'bin', name)).find((p) => existsSync(p));
  return found ?? name;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export interface PostgresCluster {
  url: string;
  address: PoolAddress;
  /** Stops the server as a crash would (`-m immediate`); `start` brings it back on the same port. */
  stop(): void;
  start(): void;
  /** Stops it and removes its folder. */
  destroy(): void;
}

const asPostgres = (command: string): void => {
  execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'pipe' });
};

/**
 * A throwaway cluster in a temp folder, its log and socket inside it (the one place `postgres`
 * can surely write), trust auth on 127.0.0.1 only. Needs root (as CI and this machine run).
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'pool-pg-'));
  chmodSync(dir, 0o700);
  const owner = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const group = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(dir, owner, group);
  const port = await freePort();
  asPostgres(`${postgresTool('initdb')} -D ${dir} -A trust -U postgres >/dev/null`);
  const start = (): void =>
    asPostgres(`${postgresTool('pg_ctl')} -D ${dir} -w -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off" -l ${dir}/pg.log start >/dev/null`);
  const stop = (): void => asPostgres(`${postgresTool('pg_ctl')} -D ${dir} -m immediate -w stop >/dev/null`);
  start();
  asPostgres(`${postgresTool('createdb')} -h 127.0.0.1 -p ${port} -U postgres pool`);
  const url = `postgres://postgres@127.0.0.1:${port}/pool`;
  return {
    url,
    address: parsePoolUrl(url),
    start,
    stop,
    destroy() {
      try {
        stop();
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
