import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { startStation, type AppStation, type StationShell } from '../app/start-station.ts';
import { createJsonLogger } from '../core/station/json-logger.ts';
import { createKeyFileSecretStore } from '../core/station/key-file-secret-store.ts';
import type { StationLogger, StationOptions } from '../core/station/station-options.ts';
import { labelTemplateIdSchema, printerProfileInputSchema, printerUriSchema, type LabelTemplateId } from '../shared/printer-profile.ts';
import { settingsPatchSchema, type SettingsPatch } from '../shared/station-api.ts';
import { takeEnvSecret } from './env-secrets.ts';
import { hostname } from 'node:os';
import { checkPoolUrl } from './commands/station-args.ts';

/** What a headless station is started with: a config file, then flags, override the stored settings. */
export interface HeadlessStationOptions {
  configFile?: string;
  apiBaseUrl?: string;
  userId?: string;
  printerUri?: string;
  template?: LabelTemplateId;
  dataDir?: string;
  pollSeconds?: number;
  autoPrint?: boolean;
  /** `postgres://user@host:port/db`: join that pool (else `LABEL_STATION_JOURNAL_URL`). */
  journalUrl?: string;
  stationName?: string;
  poolLeaseSeconds?: number;
  /** Where `LABEL_STATION_TOKEN` is read (and removed); default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Default: JSON lines on stdout. */
  logger?: StationLogger;
  /** Replaces parts of the default wiring (tests). */
  overrides?: Partial<StationOptions>;
}

/**
 * The config file: settings only, by the settings schema's own rules (the address, user id and
 * poll interval are refused here, with the file's name, not at the first poll). The token is
 * refused here, as on the command line.
 */
export const headlessConfigSchema = z.strictObject(
  {
    apiBaseUrl: settingsPatchSchema.shape.apiBaseUrl,
    userId: settingsPatchSchema.shape.userId,
    dataDir: z.string().optional(),
    pollSeconds: settingsPatchSchema.shape.pollSeconds,
    autoPrint: z.boolean().optional(),
    autoPrintCutoff: z.string().optional(),
    language: z.enum(['id', 'en']).optional(),
    printer: printerUriSchema.optional(),
    template: labelTemplateIdSchema.optional(),
    printers: z.array(printerProfileInputSchema).optional(),
    defaultPrinterId: z.string().optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' && issue.keys.includes('token') ? 'a token is never read from a file: set LABEL_STATION_TOKEN' : undefined) },
);
export type HeadlessConfig = z.infer<typeof headlessConfigSchema>;

export class HeadlessConfigError extends Error {
  override name = 'HeadlessConfigError';
}

function jsonErrorPlace(text: string, error: unknown): string {
  const position = Number(/position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1] ?? Number.NaN);
  if (!Number.isInteger(position)) return '';
  const before = text.slice(0, position).split('\n');
  return ` (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
}

export function readHeadlessConfig(path: string): HeadlessConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new HeadlessConfigError(`cannot read the config file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // JSON.parse quotes the text around the fault, which may be a secret pasted by mistake: only say where.
    throw new HeadlessConfigError(`the config file ${path} is not valid JSON${jsonErrorPlace(text, error)}`);
  }
  const parsed = headlessConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HeadlessConfigError(`the config file ${path} is wrong at "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export function defaultDataDir(env: Record<string, string | undefined>): string {
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'label-station');
}

/**
 * The shell a headless station runs with: the config file, then flags, then `LABEL_STATION_TOKEN`
 * become what the station asks for at start; the token is sealed by a key file in the data folder.
 * Only the CLI reads config files and the environment: the desktop app never does.
 */
export function headlessShell(options: HeadlessStationOptions, assetsDir: string): StationShell {
  const env = options.env ?? process.env;
  const config = options.configFile ? readHeadlessConfig(options.configFile) : {};
  const dataDir = resolve(options.dataDir ?? config.dataDir ?? defaultDataDir(env));
  const logger = options.logger ?? createJsonLogger((line) => process.stdout.write(line));

  const patch: SettingsPatch = {};
  const apiBaseUrl = options.apiBaseUrl ?? config.apiBaseUrl;
  if (apiBaseUrl !== undefined) patch.apiBaseUrl = apiBaseUrl;
  const userId = options.userId ?? config.userId;
  if (userId !== undefined) patch.userId = userId;
  const pollSeconds = options.pollSeconds ?? config.pollSeconds;
  if (pollSeconds !== undefined) patch.pollSeconds = pollSeconds;
  if (config.language) patch.language = config.language;
  const token = takeEnvSecret(env, 'LABEL_STATION_TOKEN');
  if (token) patch.token = token;

  const template = options.template ?? config.template;
  const journalUrl = options.journalUrl ?? takeEnvSecret(env, 'LABEL_STATION_JOURNAL_URL');
  if (journalUrl !== undefined) checkPoolUrl(journalUrl);
  // Taken out of the environment at once: the printers' helper programs must not inherit it.
  const poolPassword = takeEnvSecret(env, 'PGPASSWORD');
  const pool = journalUrl
    ? { url: journalUrl, password: poolPassword, stationName: options.stationName ?? hostname(), leaseMs: (options.poolLeaseSeconds ?? 15) * 1000 }
    : undefined;
  return {
    ...(pool ? { pool } : {}),
    dataDir,
    logger,
    assetsDir,
    secretStore: (folder) => createKeyFileSecretStore(folder),
    startup: {
      settings: patch,
      printers: config.printers,
      printerUri: options.printerUri ?? config.printer,
      ...(template ? { template } : {}),
      defaultPrinterId: config.defaultPrinterId,
      ...((options.autoPrint ?? config.autoPrint) ? { autoPrint: { cutoff: config.autoPrintCutoff } } : {}),
    },
    ...(options.overrides ? { overrides: options.overrides } : {}),
  };
}

/** Config file + flags → the composition root, started. Used by `run` and `serve`. */
export function startHeadlessStation(options: HeadlessStationOptions, assetsDir: string): Promise<AppStation> {
  return startStation(headlessShell(options, assetsDir));
}
