import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiAuthError } from '../../../electron/core/api/api-errors.ts';
import type { OrderInput } from '../../../electron/core/api/order-api.ts';
import { createOrderApiClient } from '../../../electron/core/api/order-api-client.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string): unknown => JSON.parse(readFileSync(`${repo}tests/fixtures/api/${name}.json`, 'utf8'));

interface Started {
  baseUrl: string;
  userId: string;
  token: string;
  adminUrl: string;
}

let child: ChildProcess;
let info: Started;

beforeAll(async () => {
  child = spawn(process.execPath, ['bin/label-station.js', 'simulator', '--json', '--port', '0', '--seed', '5'], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (!child.stdout) throw new Error('no stdout');
  const lines = createInterface({ input: child.stdout });
  const [line] = (await once(lines, 'line')) as [string];
  info = JSON.parse(line) as Started;
});

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

describe('label-station simulator --json --port 0', () => {
  it('prints where it listens, with a 36-character user id and a token', () => {
    expect(Object.keys(info)).toEqual(['baseUrl', 'userId', 'token', 'adminUrl']);
    expect(info.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/public$/);
    expect(info.adminUrl).toBe(info.baseUrl.replace(/\/public$/, '/__sim'));
    expect(info.userId).toHaveLength(36);
    expect(info.token.length).toBeGreaterThan(16);
  });

  it('answers all eight calls', async () => {
    const api = createOrderApiClient({ baseUrl: info.baseUrl, userId: info.userId, token: info.token });
    const page = await api.listOrders(0, 5);
    expect(page.orders).toHaveLength(5);
    expect((await api.totalSummary()).SENT).toBeGreaterThan(0);
    const created = await api.createOrder(fixture('create-request') as OrderInput);
    expect((await api.orderDetails(created.id)).invoice).toBe('ANDI2022101112595401');
    expect((await api.batchCreate(fixture('batch-create-request') as OrderInput[])).total).toBe(1);
    const drafts = await api.smartOrderFetch({ rows: fixture('smart-order-request') as string[][], marketplace: 'm', shop: 's', excel: true, header: false });
    expect(drafts[0]?.invoice).toBe('TESTCREATEDBY');
    const batch = (await api.processedList()).find((b) => b.printStatus === 0);
    if (!batch) throw new Error('the seed has no unprinted batch');
    expect(await api.printOrder(batch.processed, 1)).toHaveLength(batch.totalLabels);
  });

  it('refuses a call without the token with 401', async () => {
    const response = await fetch(`${info.baseUrl}/order/orders/processed_list/${info.userId}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: expect.any(String) });
    const api = createOrderApiClient({ baseUrl: info.baseUrl, userId: info.userId, token: 'not-the-token', retries: 0 });
    await expect(api.totalSummary()).rejects.toBeInstanceOf(ApiAuthError);
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code, signal] = (await exited) as [number | null, string | null];
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  });
});
