import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiNetworkError } from '../../../electron/core/api/api-errors.ts';
import { createOrderApiClient } from '../../../electron/core/api/order-api-client.ts';
import { missingTools } from '../../support/system-tools.ts';

const userId = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
const token = 'token-that-must-stay-home';
let server: Server;
let baseUrl: string;
let seen: { authorization: string | undefined }[];

describe.skipIf(missingTools('openssl').length > 0)('the order API over https', () => {
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'https-fetch-'));
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-days', '1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
      seen = [];
      server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (request, response) => {
        seen.push({ authorization: request.headers.authorization });
        response.end('{"data":[]}');
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/public`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses a server whose certificate nobody vouches for, naming why, before the token leaves', async () => {
    const error = await createOrderApiClient({ baseUrl, userId, token, retries: 0 })
      .processedList()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ApiNetworkError);
    expect((error as Error).message).toMatch(/self.signed|DEPTH_ZERO/i);
    expect((error as Error).message).not.toContain(token);
    expect(seen).toEqual([]);
  });
});
