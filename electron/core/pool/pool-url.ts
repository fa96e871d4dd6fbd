/**
 * The pool's address: `postgres://user@host:port/db`. The password never rides in it (a URL
 * shows in the process list, shell history and logs): it comes from the environment or the
 * secret store, and every URL a log or error shows has its credentials cut out.
 */
export class PoolUrlError extends Error {
  override name = 'PoolUrlError';
}

export interface PoolAddress {
  host: string;
  port: number;
  database: string;
  user: string;
  /** The address without credentials: what logs and errors may show. */
  shown: string;
}

export function parsePoolUrl(url: string): PoolAddress {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PoolUrlError('the pool address is not a URL: write it as postgres://user@host:port/database');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new PoolUrlError(`the pool address must start with postgres:// (it starts with ${parsed.protocol}//)`);
  }
  if (parsed.password) {
    throw new PoolUrlError('the pool address holds a password: remove it from the address and set PGPASSWORD instead');
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!parsed.hostname || !database) throw new PoolUrlError('the pool address needs a host and a database: postgres://user@host:port/database');
  const port = parsed.port ? Number(parsed.port) : 5432;
  return { host: parsed.hostname, port, database, user: decodeURIComponent(parsed.username) || 'postgres', shown: `postgres://${parsed.hostname}:${port}/${database}` };
}

/** Cuts `user:password@` out of any postgres URL inside a text (a driver's error message). */
export function redactPoolUrls(text: string): string {
  return text.replace(/(postgres(?:ql)?:\/\/)[^@\s/]*@/gi, '$1');
}
