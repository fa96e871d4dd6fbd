import { operatorMessage } from '../../shared/operator-message.ts';
import type { DiscoveredPrinter, PrinterProfile, PrinterProfileInput } from '../../shared/printer-profile.ts';
import type { PrinterView } from '../../shared/station-api.ts';
import { createRawQueue } from '../printers/index.ts';
import type { RawQueueCreated, RawQueueRequest } from '../printers/cups/cups-queue-admin.ts';
import type { PrinterPort } from '../printers/printer-port.ts';
import type { NewEvent, PendingJob } from './journal.ts';
import { BatchStateError } from './station-errors.ts';
import type { StationMethodImpls } from './station-methods.ts';

export interface PrinterMethodDeps {
  printers: () => PrinterProfile[];
  savePrinter: (input: PrinterProfileInput) => PrinterProfile;
  removePrinter: (id: string) => boolean;
  port: (printerId: string) => PrinterPort | undefined;
  /** Closes the cached port: the next use opens the saved profile. */
  forgetPort: (printerId: string) => void;
  pendingJobs: () => PendingJob[];
  discover: () => Promise<DiscoveredPrinter[]>;
  createRawQueue?: (request: RawQueueRequest) => Promise<RawQueueCreated>;
  log: (event: NewEvent) => void;
}

type PrinterMethodNames = 'listPrinters' | 'discoverPrinters' | 'savePrinter' | 'removePrinter' | 'printTestPage' | 'calibratePrinter' | 'createRawQueue';

const statusTimeoutMs = 3000;

/** A printer's state for the list, never waiting longer than a glance. */
async function statusOf(port: PrinterPort | undefined): Promise<PrinterView['status']> {
  if (!port) return { state: 'unknown', message: 'this printer is not set up' };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<PrinterView['status']>((resolve) => {
    timer = setTimeout(() => resolve({ state: 'unknown', message: 'the printer did not answer in time' }), statusTimeoutMs);
  });
  try {
    return await Promise.race([port.status(), timeout]);
  } catch (error) {
    return { state: 'error', message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** The printers: their list and state, setting them up, and their test and calibration pages. */
export function createPrinterMethods(deps: PrinterMethodDeps): Pick<StationMethodImpls, PrinterMethodNames> {
  const requirePort = (id: string): PrinterPort => {
    const port = deps.port(id);
    if (!port) throw new BatchStateError(operatorMessage('printer-unknown', { printer: id }), `there is no printer "${id}"`);
    return port;
  };
  return {
    listPrinters: async () => Promise.all(deps.printers().map(async (p) => ({ ...p, status: await statusOf(deps.port(p.id)) }))),
    discoverPrinters: async () => deps.discover(),
    savePrinter: async (input) => {
      const profile = deps.savePrinter(input);
      deps.forgetPort(profile.id);
      return profile;
    },
    removePrinter: async ({ id }) => {
      const pending = deps.pendingJobs().filter((j) => j.printerId === id).length;
      if (pending > 0) {
        throw new BatchStateError(operatorMessage('printer-has-jobs', { count: pending }), `this printer still has ${pending} unfinished job(s): let them finish or reprint them elsewhere first`);
      }
      deps.forgetPort(id);
      return { removed: deps.removePrinter(id) };
    },
    printTestPage: async ({ id }) => {
      await requirePort(id).printTestPage();
      return { printed: true };
    },
    calibratePrinter: async ({ id }) => {
      const port = requirePort(id);
      if (!port.calibrate) {
        throw new BatchStateError(
          operatorMessage('printer-no-sensor', { printer: port.profile.name }),
          `${port.profile.name} has no label sensor to calibrate: pick its TSPL or ZPL kind, or print the test page`,
        );
      }
      await port.calibrate();
      return { calibrated: true };
    },
    createRawQueue: async (request) => {
      const created = await (deps.createRawQueue ?? ((r) => createRawQueue(r)))(request);
      deps.log({ level: 'info', kind: 'raw-queue-created', message: created.message, text: operatorMessage('ev-raw-queue-created', { queue: created.queue }, created.uri), jobId: null, processed: null });
      return created;
    },
  };
}
