import { accessSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStation } from '../../../electron/core/station/create-station.ts';
import type { Station } from '../../../electron/core/station/station.ts';
import type { SecretStore, StationOptions } from '../../../electron/core/station/station-options.ts';
import { pickListKeyPrefix } from '../../../electron/core/labels/pick-list-sheets.ts';
import { fileLabelOrder } from '../../../electron/core/labels/supplied/label-file.ts';
import type { LabelTemplateId } from '../../../electron/shared/printer-profile.ts';
import type { JobView } from '../../../electron/shared/station-api.ts';
import { createFakeClock, mondayMorning, type FakeClock } from './fake-clock.ts';
import { FakeOrderServer } from './fake-order-server.ts';
import { FakePrinter } from './fake-printer.ts';
import type { PoolStore } from '../../../electron/core/pool/pool-store.ts';

export const fakeUserId = 'c0ffee00-0000-4000-8000-000000000001';

/** What the operator types into Settings to reach the fake server. */
export const fakeServerSettings = (server: FakeOrderServer) => ({ apiBaseUrl: 'https://orders.example.test/public', userId: fakeUserId, token: server.token });

/** Reversible, so a reopened journal's token still opens; never the clear token on disk. */
const fakeSecretStore: SecretStore = {
  seal: (plain) => Buffer.from(plain).toString('base64'),
  open: (sealed) => Buffer.from(sealed, 'base64').toString(),
};

/**
 * The pick list as one sheet that names how many orders it sums, so a test reads from the paper
 * that the batch's stored orders went into it. Drawing it for real (pdfkit, pdf.js) is the label
 * engine's test; here it would cost more than the rest of a test.
 */
const fakePickListSheets: NonNullable<StationOptions['pickListSheets']> = async (batch, profile, _language, printedAt) => [
  {
    key: `${pickListKeyPrefix}1`,
    order: fileLabelOrder(`pick list of ${batch.orders.length} orders`),
    meta: { batch: batch.processed, index: 1, count: 1, printedAt },
    supplied: { width: 8, height: 8, dpi: profile.dpi, gray: new Uint8Array(64), photo: false },
  },
];

/**
 * A folder in memory where the system has one: the journal's commit points fsync, and on a
 * shared disk each costs tens of milliseconds that say nothing about the logic under test.
 */
function journalFolder(): string {
  let base = tmpdir();
  try {
    accessSync('/dev/shm', constants.W_OK);
    base = '/dev/shm';
  } catch {
    // No tmpfs here: the disk is slower, not less correct.
  }
  return mkdtempSync(join(base, 'station-fakes-'));
}

/** What outlives a station: the server, the printers (with their paper), the data folder. */
interface World {
  dir: string;
  server: FakeOrderServer;
  printers: Map<string, FakePrinter>;
  crashes: number;
}

export interface StationOnFakes {
  station: Station;
  clock: FakeClock;
  server: FakeOrderServer;
  journalPath: string;
  /** Every line the station logged, as a log file would hold it. */
  logs: string[];
  printer(id?: string): FakePrinter;
  /** The newest job of a batch. */
  jobOf(processed: string): Promise<JobView | undefined>;
  /**
   * The process dies now: the journal's files are kept exactly as they are on disk at this
   * instant, and this station's client and printer ports go dead (it can reach nothing again).
   * Synchronous, so a fake or an event listener can call it at a precise commit point.
   */
  crash(): void;
  /** Crashes the station the first time a job event matches: the instant after that journal commit. */
  crashWhenJob(matches: (job: JobView) => boolean): void;
  /** A new station on what the crash left on disk: fresh client, ports and timers; time goes on. */
  afterCrash(): Promise<StationOnFakes>;
  /** Stops this station gracefully and starts a new one on the same journal, `offForMs` later. */
  restart(offForMs?: number): Promise<StationOnFakes>;
  /** Stops the station and removes the data folder. */
  close(): Promise<void>;
}

export interface FakeStationSetup {
  /** Printer routes, by id; the first is the default. */
  printers?: { id: string; labelsPerJob?: number; template?: LabelTemplateId; pickListFirst?: boolean }[];
  pollSeconds?: number;
  /** Stores the server address, user id and token before the start; default true. */
  configure?: boolean;
  /** Starts the station (resume and first poll) and lets it run until it waits for time; default true. */
  start?: boolean;
  /** Joins a pool: the store for this station, on the station's own fake clock. */
  pool?: (clock: () => number) => PoolStore;
  /** Where the journal lives (a small real disk, say); default a fresh folder in memory. */
  journalDir?: string;
}

export async function startStationOnFakes(setup: FakeStationSetup = {}): Promise<StationOnFakes> {
  const world: World = { dir: setup.journalDir ?? journalFolder(), server: new FakeOrderServer(), printers: new Map(), crashes: 0 };
  const routes = setup.printers ?? [{ id: 'bench', labelsPerJob: 3 }];
  for (const { id } of routes) world.printers.set(id, new FakePrinter(`escpos://${id}.local:9100`));
  const running = openStation(world, join(world.dir, 'journal.db'), mondayMorning, setup.pollSeconds, setup.pool);
  if (setup.configure ?? true) await running.station.updateSettings(fakeServerSettings(world.server));
  for (const { id, labelsPerJob, ...rest } of routes) {
    await running.station.savePrinter({ id, name: `Printer ${id}`, uri: `escpos://${id}.local:9100`, labelsPerJob: labelsPerJob ?? 3, ...rest });
  }
  if (setup.start ?? true) {
    running.station.start();
    await running.clock.flush();
  }
  return running;
}

function openStation(world: World, journalPath: string, startAt: number, pollSeconds?: number, pool?: FakeStationSetup['pool']): StationOnFakes {
  const clock = createFakeClock(startAt);
  const cutOff: (() => void)[] = [];
  const logs: string[] = [];
  const line = (level: string) => (message: string, fields?: Record<string, unknown>) => void logs.push(JSON.stringify({ level, message, ...fields }));
  let crashedTo: string | undefined;
  const station = createStation({
    journalPath,
    api: (config) => {
      const client = world.server.client(config);
      cutOff.push(() => client.kill());
      return client;
    },
    openPrinter: (profile) => {
      const device = world.printers.get(profile.id);
      if (!device) throw new Error(`no fake printer "${profile.id}" in this test`);
      const port = device.port(profile);
      cutOff.push(() => port.kill());
      return port;
    },
    discoverPrinters: async () => [],
    renderPng: () => Buffer.alloc(0),
    pickListSheets: fakePickListSheets,
    secretStore: fakeSecretStore,
    clock: clock.clock,
    timers: clock.timers,
    // No jitter: every backoff is its full, documented delay.
    random: () => 0,
    logger: { info: line('info'), warn: line('warn'), error: line('error') },
    pollSeconds,
    ...(pool ? { pool: { store: pool(() => clock.now()), tickMs: 1000 } } : {}),
  });
  const self: StationOnFakes = {
    station,
    clock,
    server: world.server,
    journalPath,
    logs,
    printer: (id = 'bench') => {
      const device = world.printers.get(id);
      if (!device) throw new Error(`no fake printer "${id}" in this test`);
      return device;
    },
    jobOf: async (processed) => (await station.listJobs({})).find((j) => j.processed === processed),
    crash() {
      if (crashedTo) throw new Error('this station has crashed already');
      const folder = join(world.dir, `after-crash-${++world.crashes}`);
      mkdirSync(folder);
      crashedTo = join(folder, 'journal.db');
      // What a killed process leaves: the database and its write-ahead log (the -shm index is
      // rebuilt by the next open). No write is half done: the journal is synchronous.
      for (const suffix of ['', '-wal']) {
        if (existsSync(`${journalPath}${suffix}`)) copyFileSync(`${journalPath}${suffix}`, `${crashedTo}${suffix}`);
      }
      for (const cut of cutOff) cut();
    },
    crashWhenJob(matches) {
      const off = station.on('job', (job) => {
        if (!matches(job)) return;
        off();
        self.crash();
      });
    },
    async afterCrash() {
      if (!crashedTo) throw new Error('the station has not crashed');
      // The dead station is stopped only to free its handles: it writes to its own copy, which
      // nobody reads again.
      await station.stop();
      const next = openStation(world, crashedTo, clock.now(), pollSeconds, pool);
      next.station.start();
      await next.clock.flush();
      return next;
    },
    async restart(offForMs = 0) {
      await station.stop();
      const next = openStation(world, journalPath, clock.now() + offForMs, pollSeconds, pool);
      next.station.start();
      await next.clock.flush();
      return next;
    },
    async close() {
      // Whatever still hangs answers now, so the station can stop.
      world.server.answerHeld();
      for (const device of world.printers.values()) device.release();
      await station.stop();
      rmSync(world.dir, { recursive: true, force: true });
    },
  };
  world.server.onCrash = () => self.crash();
  for (const device of world.printers.values()) device.onCrash = () => self.crash();
  return self;
}
