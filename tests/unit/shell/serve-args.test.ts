import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../electron/headless/cli-command.ts';
import { parseServeArgs } from '../../../electron/headless/commands/serve.ts';

describe('serve command line', () => {
  it('takes the port, the demo switch and the options of run', () => {
    expect(parseServeArgs(['--port', '0', '--api', 'http://127.0.0.1:1/public', '--printer', 'pdf-dir:/tmp/l', '--poll', '5', '--auto-print'])).toEqual({
      port: 0,
      demo: 'never',
      station: expect.objectContaining({ apiBaseUrl: 'http://127.0.0.1:1/public', printerUri: 'pdf-dir:/tmp/l', pollSeconds: 5, autoPrint: true }),
    });
    expect(parseServeArgs([], {}).port).toBe(7450);
    expect(parseServeArgs(['--demo']).demo).toBe('always');
    expect(parseServeArgs(['--demo-if-unconfigured']).demo).toBe('if-unconfigured');
  });

  it('refuses a token on the command line and bad numbers, saying why', () => {
    expect(() => parseServeArgs(['--token', 'secret'])).toThrow(new UsageError('the token is never a flag (it would show in the process list): set LABEL_STATION_TOKEN'));
    expect(() => parseServeArgs(['--port', '70000'])).toThrow(/--port takes a port number from 0 to 65535/);
    expect(() => parseServeArgs(['--poll', '1'])).toThrow(/--poll takes a number of seconds between 2 and 3600/);
    expect(() => parseServeArgs(['--template', 'huge'])).toThrow(/unknown template "huge"/);
  });

  it('takes a fixed web UI token from the environment, if it is long enough', () => {
    expect(parseServeArgs([], {}).accessToken).toBeUndefined();
    expect(parseServeArgs([], { LABEL_STATION_UI_TOKEN: 'k'.repeat(40) }).accessToken).toBe('k'.repeat(40));
    expect(() => parseServeArgs([], { LABEL_STATION_UI_TOKEN: 'short' })).toThrow(/at least 32 characters/);
  });
});
