import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { createOrderApiClient } from '../core/api/order-api-client.ts';
import { renderPng, useLabelFontDir } from '../core/labels/index.ts';
import { discoverPrinters, openPrinter } from '../core/printers/index.ts';
import { createStation } from '../core/station/create-station.ts';
import type { Station } from '../core/station/station.ts';
import { dataFolderError, isDiskFull } from '../core/station/station-file-errors.ts';
import type { SecretStore, StationLogger, StationOptions } from '../core/station/station-options.ts';
import type { DiscoveredPrinter, LabelTemplateId, PrinterProfileInput } from '../shared/printer-profile.ts';
import type { SettingsPatch } from '../shared/station-api.ts';
import { openStationPool } from './open-station-pool.ts';

/**
 * What a shell asks of the station at start, on top of what the journal has stored: the CLI's
 * config file and flags. The desktop app asks nothing; the operator sets it all in Settings.
 */
export interface StationStartup {
  settings?: SettingsPatch;
  /** Profiles saved (added or replaced by id) before the station starts. */
  printers?: readonly PrinterProfileInput[];
  /** A printer named by URI alone, made the default; its id comes from the URI, so its queue resumes. */
  printerUri?: string;
  /** The template of that printer. */
  template?: LabelTemplateId;
  /** The name that printer is shown by; default its URI. */
  printerName?: string;
  /** Used when no `printerUri` is given. */
  defaultPrinterId?: string;
  /** Turns auto-print on, from `cutoff` (or now). */
  autoPrint?: { cutoff?: string };
}

/** What differs between the shells that run a station: everything else is the same wiring. */
export interface StationShell {
  /** The journal's folder. */
  dataDir: string;
  /** Seals the token for the journal in `dataDir`: the OS keychain in the desktop app, a key file headless. */
  secretStore: (dataDir: string) => SecretStore;
  logger: StationLogger;
  /** The app's `assets` folder (label fonts): a bundle does not sit where the sources do. */
  assetsDir: string;
  /** Replaces the core's printer discovery (the desktop app adds Chromium's list). */
  discoverPrinters?: () => Promise<DiscoveredPrinter[]>;
  startup?: StationStartup;
  /** Runs on the embedded simulator. */
  demo?: boolean;
  /** Default true. False leaves the station configured but idle, for a caller that decides first. */
  autoStart?: boolean;
  /** Replaces parts of the wiring (tests). */
  overrides?: Partial<StationOptions>;
  /** Joins a pool of stations on PostgreSQL (the URL carries no password). */
  pool?: { url: string; password?: string; stationName: string; leaseMs: number; tickMs?: number };
}

export interface AppStation {
  station: Station;
  dataDir: string;
  stop(): Promise<void>;
}

/** A printer given by URI alone gets an id from its URI, so a restart resumes its queue. */
function uriPrinterId(uri: string): string {
  return `printer-${createHash('sha256').update(uri).digest('hex').slice(0, 10)}`;
}

async function applyStartup(station: Station, startup: StationStartup): Promise<void> {
  await station.updateSettings(startup.settings ?? {});
  for (const printer of startup.printers ?? []) await station.savePrinter(printer);
  const { printerUri: uri, template } = startup;
  if (uri) {
    const id = uriPrinterId(uri);
    const existing = (await station.getSettings({})).printers.find((p) => p.id === id);
    await station.savePrinter({ ...existing, id, name: startup.printerName ?? existing?.name ?? uri, uri, ...(template ? { template } : {}) });
    await station.updateSettings({ defaultPrinterId: id });
  } else if (startup.defaultPrinterId) {
    await station.updateSettings({ defaultPrinterId: startup.defaultPrinterId });
  }
  if (startup.autoPrint) await station.setAutoPrint({ enabled: true, cutoff: startup.autoPrint.cutoff });
}

/**
 * The one composition root: the order API client, the printers, the label engine and the journal
 * put together as `createStation`, with the shell's own parts, then started. The desktop app, the
 * CLI's `run` and `serve`, and the demo all come through here.
 */
export async function startStation(shell: StationShell): Promise<AppStation> {
  const { logger, dataDir } = shell;
  useLabelFontDir(join(shell.assetsDir, 'fonts'));
  const pool = shell.pool ? await openStationPool(shell.pool, logger) : undefined;
  const station = createStation({
    dataDir,
    api: (apiConfig) => createOrderApiClient({ ...apiConfig, logger }),
    openPrinter: (profile) => openPrinter(profile, { logger }),
    discoverPrinters: shell.discoverPrinters ?? (() => discoverPrinters()),
    renderPng: (label, renderOptions) => renderPng(label, renderOptions),
    secretStore: shell.secretStore(dataDir),
    logger,
    demo: shell.demo,
    ...(pool ? { pool } : {}),
    ...shell.overrides,
  });
  try {
    await applyStartup(station, shell.startup ?? {});
  } catch (error) {
    await station.stop();
    // A settings write on a full disk: say which disk, and what it needs.
    throw isDiskFull(error) ? dataFolderError(error, join(dataDir, 'journal.db')) : error;
  }
  if (shell.autoStart !== false) {
    station.start();
    if ((await station.getState({})).connection === 'not-configured') {
      logger.warn('the order server is not set up: pass --api and --user, and the token in LABEL_STATION_TOKEN', { kind: 'not-configured' });
    }
  }
  return { station, dataDir, stop: () => station.stop() };
}
