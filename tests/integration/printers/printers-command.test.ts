import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCupsRunning } from '../../support/cups-label-printer.ts';
import { missingTools } from '../../support/system-tools.ts';
import { runCli } from '../../support/run-cli.ts';



describe.skipIf(missingTools('cupsd', 'lpadmin', 'lpstat', 'ipptool', 'dbus-daemon', 'dbus-send').length > 0)('label-station printers on a machine with a Zebra queue', () => {
  // CUPS is shared: a name no other test uses. Its driver (CUPS's sample Zebra ZPL PPD) gives the make and model.
  const queue = `ZebraDesk_${process.pid}`;
  beforeAll(async () => {
    await ensureCupsRunning();
    const made = spawnSync('lpadmin', ['-p', queue, '-E', '-v', 'socket://127.0.0.1:9', '-m', 'drv:///sample.drv/zebra.ppd'], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`lpadmin: ${made.stderr}`);
  });
  afterAll(() => void spawnSync('lpadmin', ['-x', queue]));

  it('shows the queue with its make and model, the language guessed from it (said to be a guess) and the raw kind to add it as', async () => {
    const listed = await runCli(['printers']);
    expect(listed.code).toBe(0);
    const line = listed.stdout.split('\n').find((l) => l.startsWith(`system:${queue}\t`));
    expect(line).toBeDefined();
    expect(line).toContain('Zebra ZPL Label Printer');
    expect(line).toContain('speaks ZPL, a guess from its model');
    expect(line).toContain('via socket://127.0.0.1:9');
    expect(line).toContain(`add as zpl+system:${queue} or system:${queue}`);

    const json = await runCli(['printers', '--json']);
    const found = json.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>).find((p) => p.name === queue);
    expect(found).toMatchObject({ kind: 'system', makeAndModel: 'Zebra ZPL Label Printer', guessedLanguage: 'zpl', connection: 'socket://127.0.0.1:9' });
  });
});
