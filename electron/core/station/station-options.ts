import type { BackoffPolicy } from './backoff.ts';
import type { OrderApi, OrderApiConfig } from '../api/order-api.ts';
import type { LabelToRender, RenderOptions } from '../labels/label-types.ts';
import type { pickListSheets } from '../labels/pick-list-sheets.ts';
import type { PrinterPort } from '../printers/printer-port.ts';
import type { RawQueueCreated, RawQueueRequest } from '../printers/cups/cups-queue-admin.ts';
import type { DiscoveredPrinter, PrinterProfile } from '../../shared/printer-profile.ts';
import type { SettingsPatch } from '../../shared/station-api.ts';
import type { PoolStore } from '../pool/pool-store.ts';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** Method syntax on purpose: Node's and a fake's timer handles both fit. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Structured log lines; fields never hold the token. */
export interface StationLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * Seals the API token for the journal. Electron passes `safeStorage` (the OS keychain's key);
 * headless stations use a key file beside the journal (see `createKeyFileSecretStore`).
 */
export interface SecretStore {
  seal(plain: string): string;
  open(sealed: string): string;
}

/** A label preview: PNG bytes at the template's size and the asked dpi. */
export type PreviewRenderer = (label: LabelToRender, options: RenderOptions) => Promise<Buffer> | Buffer;

export interface StationOptions {
  /** Folder of the journal (`journal.db`) and, headless, the token key. */
  dataDir?: string;
  /** Overrides `dataDir/journal.db`. */
  journalPath?: string;
  /** Builds the API client for the current settings; called again when they change. */
  api: (config: OrderApiConfig) => OrderApi;
  openPrinter: (profile: PrinterProfile) => PrinterPort;
  discoverPrinters: () => Promise<DiscoveredPrinter[]>;
  /** Creates an OS queue for a USB printer; default: a raw CUPS queue through `lpadmin`. */
  createRawQueue?: (request: RawQueueRequest) => Promise<RawQueueCreated>;
  renderPng: PreviewRenderer;
  secretStore: SecretStore;
  clock?: Clock;
  timers?: Timers;
  /** In [0, 1): jitters every backoff. */
  random?: () => number;
  logger?: StationLogger;
  /** Poll interval until the operator sets one; default 10 s. */
  pollSeconds?: number;
  /** Settings applied at start (config file, flags, `LABEL_STATION_TOKEN`); stored like the operator's. */
  initialSettings?: SettingsPatch;
  /** Retry spacing; the defaults suit a real backend, tests shorten them. */
  backoff?: { poll?: BackoffPolicy; job?: BackoffPolicy; printer?: BackoffPolicy };
  /** Running on the embedded simulator. */
  demo?: boolean;
  /** Draws a batch's pick list for a printer that prints it first; default: the label engine's. */
  pickListSheets?: typeof pickListSheets;
  /** Fetches the orders' supplied labels (`labelImage`); defaults to the global `fetch`. Tests shorten the limits. */
  suppliedLabels?: { fetch?: typeof fetch; maxBytes?: number; timeoutMs?: number };
  /**
   * Joins a pool of stations on a shared database: batch prints are claimed there, jobs leased.
   * The station closes the store when it stops. `tickMs`: lease renewal (default 2 s).
   */
  pool?: { store: PoolStore; tickMs?: number; marginMs?: number };
}

export const silentLogger: StationLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
