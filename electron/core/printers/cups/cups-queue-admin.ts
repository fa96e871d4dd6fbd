import type { RawLanguage } from '../../../shared/printer-profile.ts';
import type { RunCommand } from '../printer-deps.ts';
import { PrinterConfigError } from '../printer-errors.ts';

export interface RawQueueRequest {
  /** The device CUPS found (`usb://Xprinter/XP-420B?serial=…`), or a `socket://HOST:PORT`. */
  deviceUri: string;
  /** The queue's name: letters, digits, `_` and `-`. */
  name: string;
  language: RawLanguage;
}

export interface RawQueueCreated {
  queue: string;
  /** The printer URI to save: the language through the new queue. */
  uri: string;
  /** What was done, in words, with the command, so the operator can repeat or undo it. */
  message: string;
}

const queueName = /^[A-Za-z0-9_-]{1,127}$/;
const deviceUri = /^(usb:\/\/[^\s]+|socket:\/\/[A-Za-z0-9.-]+(:\d{1,5})?)$/;

/**
 * Creates a raw CUPS queue (no PPD, so CUPS passes the label language through unchanged) for a
 * USB printer that has none: `lpadmin -p NAME -E -v DEVICE`. CUPS marks raw queues deprecated
 * but keeps them working in 2.x; it is what a raw USB label printer needs.
 */
export async function createCupsRawQueue(run: RunCommand, request: RawQueueRequest): Promise<RawQueueCreated> {
  const { name, language } = request;
  if (!queueName.test(name)) throw new PrinterConfigError(name, `"${name}" cannot be a queue name: use letters, digits, _ and - only.`);
  if (!deviceUri.test(request.deviceUri)) throw new PrinterConfigError(name, `"${request.deviceUri}" is not a USB (usb://) or network (socket://) printer device.`);
  const args = ['-p', name, '-E', '-v', request.deviceUri];
  const command = `lpadmin ${args.join(' ')}`;
  let result;
  try {
    result = await run('lpadmin', args);
  } catch (error) {
    throw new PrinterConfigError(name, "CUPS's `lpadmin` is missing: install CUPS (cups, cups-client).", { cause: error });
  }
  if (result.code !== 0) {
    const said = (result.stderr || result.stdout).trim();
    const rights = /forbidden|not authori[sz]ed|permission/i.test(said) ? ' This needs administrator rights: run it as root (sudo) or add this user to the lpadmin group.' : '';
    throw new PrinterConfigError(name, `CUPS did not create the queue ${name} (${said || `exit ${result.code}`}).${rights} The command was: ${command}`);
  }
  return {
    queue: name,
    uri: `${language}+system:${name}`,
    message: `Created the raw CUPS queue ${name} for ${request.deviceUri} (${command}); labels go to it as ${language.toUpperCase()}, unchanged.`,
  };
}
