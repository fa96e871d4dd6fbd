import type { RunCommand } from '../printer-deps.ts';
import { PrinterOfflineError } from '../printer-errors.ts';

/** IPP attributes as `ipptool -v` prints them: name → value text (sets stay comma-joined). */
export type IppAttributes = ReadonlyMap<string, string>;

/**
 * Reads the response attributes from `ipptool -tv` output. Only lines after `RECEIVED:` count:
 * before it, ipptool echoes the request's own attributes (e.g. the job-uri it asked about).
 */
export function parseIpptoolOutput(stdout: string): IppAttributes {
  const attributes = new Map<string, string>();
  const received = stdout.indexOf('RECEIVED:');
  if (received < 0) return attributes;
  for (const line of stdout.slice(received).split('\n')) {
    const match = /^\s+([a-z0-9-]+) \([^)]*\) = ?(.*)$/.exec(line);
    if (match && !attributes.has(match[1] as string)) attributes.set(match[1] as string, (match[2] ?? '').trim());
  }
  return attributes;
}

/**
 * Asks the local CUPS scheduler over IPP with one of ipptool's stock requests
 * (`get-job-attributes.test`, `get-printer-attributes.test`). ipptool's own pass/fail verdict is
 * ignored: its stock expectations fail on attributes CUPS does not send, while the answer is fine.
 */
export async function queryIpp(run: RunCommand, queue: string, resource: string, request: string): Promise<IppAttributes> {
  const result = await run('ipptool', ['-T', '10', '-tv', `ipp://localhost${resource}`, request]);
  if (!result.stdout.includes('RECEIVED:')) {
    const said = (result.stderr || result.stdout).trim().split('\n').pop() ?? '';
    throw new PrinterOfflineError(queue, `The print service (CUPS) on this computer is not answering (${said}): start it, e.g. \`sudo systemctl start cups\`.`);
  }
  return parseIpptoolOutput(result.stdout);
}
