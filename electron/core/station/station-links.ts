import type { PrinterProfile } from '../../shared/printer-profile.ts';
import type { OrderApi, OrderApiConfig, SkippedRows } from '../api/order-api.ts';
import type { PrinterPort } from '../printers/printer-port.ts';
import { StationNotConfiguredError } from './station-errors.ts';

export interface ApiLinkDeps {
  config: () => OrderApiConfig | null;
  build: (config: OrderApiConfig) => OrderApi;
  onSkippedRows: (report: SkippedRows) => void;
}

/** The API client for the current settings, built when first needed and again after they change. */
export function createApiLink({ config, build, onSkippedRows }: ApiLinkDeps) {
  let client: OrderApi | undefined;
  return {
    api(): OrderApi {
      if (client) return client;
      const current = config();
      if (!current) throw new StationNotConfiguredError('the order server is not set up: enter its address, the user id and the API token in Settings');
      client = build({ ...current, onSkippedRows });
      return client;
    },
    forget(): void {
      client = undefined;
    },
  };
}

export interface PrinterLinkDeps {
  printers: () => PrinterProfile[];
  open: (profile: PrinterProfile) => PrinterPort;
}

/** One open port per printer route, opened when first used and dropped when its profile changes. */
export function createPrinterLinks({ printers, open }: PrinterLinkDeps) {
  const ports = new Map<string, PrinterPort>();
  return {
    /** The port of a printer route, or undefined when there is no such printer. */
    port(printerId: string): PrinterPort | undefined {
      const cached = ports.get(printerId);
      if (cached) return cached;
      const profile = printers().find((p) => p.id === printerId);
      if (!profile) return undefined;
      const opened = open(profile);
      ports.set(printerId, opened);
      return opened;
    },
    forget(printerId: string): void {
      ports.delete(printerId);
    },
  };
}
