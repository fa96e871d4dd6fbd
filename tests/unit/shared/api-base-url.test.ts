import { describe, expect, it } from 'vitest';
import { apiBaseUrlProblem, apiOrigin } from '../../../electron/shared/api-base-url.ts';
import { settingsPatchSchema } from '../../../electron/shared/station-api.ts';

describe('what an API address may be', () => {
  it.each([
    ['https://apiv2.mitrabunso.com/public', null],
    ['http://apiv2.mitrabunso.com/public', null],
    ['http://127.0.0.1:7000/public', null],
    ['http://127.8.9.10/public', null],
    ['http://localhost:8080/public', null],
    ['http://[::1]:8080/public', null],
    ['https://orders.example.com:8443/api/public', null],
    ['http://orders.example.com/public', 'plain-http'],
    ['http://apiv2.mitrabunso.com:8080/public', 'plain-http'],
    ['http://apiv2.mitrabunso.com.evil.example/public', 'plain-http'],
    ['http://192.168.1.20/public', 'plain-http'],
    ['http://localhost.evil.example/public', 'plain-http'],
    ['https://user:pass@orders.example.com/public', 'credentials'],
    ['https://token@orders.example.com/public', 'credentials'],
    ['https://orders.example.com/public?x=1', 'query'],
    ['https://orders.example.com/public#x', 'query'],
    ['ftp://orders.example.com/public', 'not-a-url'],
    ['orders.example.com/public', 'not-a-url'],
    ['http://[', 'not-a-url'],
    ['', 'not-a-url'],
  ])('%s → %s', (url, problem) => {
    expect(apiBaseUrlProblem(url)).toBe(problem);
    expect(settingsPatchSchema.safeParse({ apiBaseUrl: url }).success).toBe(problem === null);
  });

  it('compares servers by scheme, host and port', () => {
    expect(apiOrigin('https://a.example/public')).toBe(apiOrigin('https://A.example:443/other'));
    expect(apiOrigin('https://a.example/public')).not.toBe(apiOrigin('http://a.example/public'));
    expect(apiOrigin('http://127.0.0.1:1/public')).not.toBe(apiOrigin('http://127.0.0.1:2/public'));
    expect(apiOrigin('not a url')).toBeNull();
  });
});
