import { z } from 'zod';
import { operatorMessage, OperatorError } from '../../shared/operator-message.ts';
import { apiOrigin } from '../../shared/api-base-url.ts';
import { processedTimestampSchema } from '../../shared/domain.ts';
import { printerProfileInputSchema, printerProfileSchema, type PrinterProfile, type PrinterProfileInput } from '../../shared/printer-profile.ts';
import { labelOrderSchema, languageSchema, settingsPatchSchema, type LabelOrder, type SettingsPatch, type SettingsView } from '../../shared/station-api.ts';
import type { OrderApiConfig } from '../api/order-api.ts';
import type { AutoPrintRule } from './auto-print.ts';
import type { Journal } from './journal.ts';
import type { SecretStore } from './station-options.ts';

/** What changed, so the station knows whether to rebuild its client or lift a token pause. */
export interface SettingsChange {
  connection: boolean;
  token: boolean;
  pollSeconds: boolean;
}

const autoPrintSchema = z.object({ enabled: z.boolean(), cutoff: processedTimestampSchema.nullable(), since: z.string().nullable().optional() });

/** What each stored setting must be; one that is not reads as its default, and is reported. */
const storedSchemas = {
  apiBaseUrl: z.string(),
  userId: z.string(),
  sealedToken: z.string().nullable(),
  pollSeconds: z.number(),
  language: languageSchema,
  alertSound: z.boolean(),
  alertRepeatSeconds: z.number(),
  defaultPrinterId: z.string().nullable(),
  labelOrder: labelOrderSchema,
  autoPrint: autoPrintSchema,
  printers: z.array(z.unknown()),
  settingsVersion: z.number().int().min(0),
} as const;

/** What a stored value is, for the log: never the value itself, which may be sealed. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'list' : typeof value;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid';
}

function nameOf(entry: unknown): string {
  const name = typeof entry === 'object' && entry !== null && 'name' in entry ? entry.name : undefined;
  return typeof name === 'string' ? ` "${name.slice(0, 80)}"` : '';
}

/**
 * The station's settings, stored in the journal. The token is sealed by the secret store before
 * it is written and opened only to build the API client: it never leaves this object.
 */
export class StationSettings {
  readonly #journal: Journal;
  readonly #secrets: SecretStore;
  readonly #defaultPollSeconds: number;
  readonly #newId: () => string;

  constructor(journal: Journal, secrets: SecretStore, defaultPollSeconds: number, newId: () => string) {
    this.#journal = journal;
    this.#secrets = secrets;
    this.#defaultPollSeconds = defaultPollSeconds;
    this.#newId = newId;
  }

  #get<S extends z.ZodType>(key: keyof typeof storedSchemas, schema: S, fallback: z.output<S>): z.output<S> {
    return this.#journal.getSetting(key, schema) ?? fallback;
  }

  /**
   * The stored items this version cannot read, in English for the log: a setting of the wrong
   * type (its default is used) or a printer profile that fails its schema (left out, kept stored).
   */
  problems(): string[] {
    const found: string[] = [];
    for (const [key, schema] of Object.entries(storedSchemas)) {
      const value = this.#journal.getSettingValue(key);
      if (value !== undefined && !schema.safeParse(value).success) found.push(`the setting ${key} is stored as a ${kindOf(value)} this version cannot read: its default is used`);
    }
    const stored = this.#storedPrinters();
    stored.unreadable.forEach(({ entry, error }) => {
      found.push(`a printer profile${nameOf(entry)} fails its schema (${firstIssue(error)}): it is left out`);
    });
    return found;
  }

  view(): SettingsView {
    return {
      apiBaseUrl: this.#get('apiBaseUrl', storedSchemas.apiBaseUrl, ''),
      userId: this.#get('userId', storedSchemas.userId, ''),
      hasToken: this.#journal.getSetting('sealedToken', z.string()) !== undefined,
      pollSeconds: this.pollSeconds(),
      language: this.#get('language', storedSchemas.language, 'id'),
      alertSound: this.#get('alertSound', storedSchemas.alertSound, true),
      alertRepeatSeconds: this.#get('alertRepeatSeconds', storedSchemas.alertRepeatSeconds, 30),
      defaultPrinterId: this.#get('defaultPrinterId', storedSchemas.defaultPrinterId, null),
      labelOrder: this.labelOrder(),
      printers: this.printers(),
    };
  }

  labelOrder(): LabelOrder {
    return this.#get('labelOrder', storedSchemas.labelOrder, 'batch');
  }

  pollSeconds(): number {
    return this.#get('pollSeconds', storedSchemas.pollSeconds, this.#defaultPollSeconds);
  }

  update(input: SettingsPatch): SettingsChange {
    const patch = settingsPatchSchema.parse(input);
    const { token, ...plain } = patch;
    if (plain.defaultPrinterId && !this.printers().some((p) => p.id === plain.defaultPrinterId)) {
      throw new OperatorError(
        operatorMessage('printer-unknown', { printer: plain.defaultPrinterId }),
        `there is no printer "${plain.defaultPrinterId}" to make the default: save it first`,
      );
    }
    const values: Record<string, unknown> = { ...plain };
    if (token !== undefined) values.sealedToken = this.#secrets.seal(token);
    // The token belongs to the server it was given for: pointing the station elsewhere must not
    // hand it over, so a new origin without a new token in the same save forgets it (null reads as none).
    else if (this.#movesToAnotherOrigin(plain.apiBaseUrl)) values.sealedToken = null;
    this.#journal.setSettings(values);
    return {
      connection: plain.apiBaseUrl !== undefined || plain.userId !== undefined || token !== undefined,
      token: token !== undefined,
      pollSeconds: plain.pollSeconds !== undefined,
    };
  }

  /** Address, user id and token gone: the station is not configured any more. */
  forgetServer(): SettingsChange {
    this.#journal.setSettings({ apiBaseUrl: '', userId: '', sealedToken: null });
    return { connection: true, token: false, pollSeconds: false };
  }

  #movesToAnotherOrigin(apiBaseUrl: string | undefined): boolean {
    const current = this.view().apiBaseUrl;
    return apiBaseUrl !== undefined && current !== '' && apiOrigin(apiBaseUrl) !== apiOrigin(current);
  }

  /** Whether address, user and token are all stored (without opening the token). */
  configured(): boolean {
    const view = this.view();
    return view.apiBaseUrl !== '' && view.userId !== '' && view.hasToken;
  }

  /** The client's configuration, or null while the address, user or token is missing. */
  apiConfig(): OrderApiConfig | null {
    const view = this.view();
    const sealed = this.#journal.getSetting('sealedToken', z.string());
    if (!view.apiBaseUrl || !view.userId || sealed === undefined) return null;
    return { baseUrl: view.apiBaseUrl, userId: view.userId, token: this.#secrets.open(sealed) };
  }

  /** One stored profile the schema now refuses (saved by an older, laxer version) hides only itself. */
  printers(): PrinterProfile[] {
    return this.#storedPrinters().valid;
  }

  #storedPrinters(): { valid: PrinterProfile[]; unreadable: { entry: unknown; error: z.ZodError }[] } {
    const valid: PrinterProfile[] = [];
    const unreadable: { entry: unknown; error: z.ZodError }[] = [];
    for (const entry of this.#get('printers', storedSchemas.printers, [])) {
      const profile = printerProfileSchema.safeParse(entry);
      if (profile.success) valid.push(profile.data);
      else unreadable.push({ entry, error: profile.error });
    }
    return { valid, unreadable };
  }

  /** Writes the printers, keeping the stored profiles this version cannot read: a newer one may. */
  #printersValue(printers: PrinterProfile[]): unknown[] {
    return [...printers, ...this.#storedPrinters().unreadable.map((u) => u.entry)];
  }

  /** The printer a batch goes to when no route is chosen: the default, else the first one. */
  route(printerId?: string): PrinterProfile {
    const printers = this.printers();
    const id = printerId ?? this.view().defaultPrinterId;
    const chosen = id === null ? printers[0] : printers.find((p) => p.id === id);
    if (!chosen) {
      if (printers.length === 0) throw new OperatorError(operatorMessage('no-printer', {}), 'no printer is set up yet: add one in Printers');
      throw new OperatorError(operatorMessage('printer-unknown', { printer: id ?? '' }), `there is no printer "${id ?? ''}": choose another one`);
    }
    return chosen;
  }

  savePrinter(input: PrinterProfileInput): PrinterProfile {
    const parsed = printerProfileInputSchema.parse(input);
    const profile = printerProfileSchema.parse({ ...parsed, id: parsed.id ?? this.#newId() });
    const others = this.printers().filter((p) => p.id !== profile.id);
    const values: Record<string, unknown> = { printers: this.#printersValue([...others, profile]) };
    if (others.length === 0) values.defaultPrinterId = profile.id;
    this.#journal.setSettings(values);
    return profile;
  }

  removePrinter(id: string): boolean {
    const printers = this.printers();
    const rest = printers.filter((p) => p.id !== id);
    if (rest.length === printers.length) return false;
    const values: Record<string, unknown> = { printers: this.#printersValue(rest) };
    if (this.view().defaultPrinterId === id) values.defaultPrinterId = rest[0]?.id ?? null;
    this.#journal.setSettings(values);
    return true;
  }

  autoPrint(): AutoPrintRule {
    return this.#get('autoPrint', storedSchemas.autoPrint, { enabled: false, cutoff: null });
  }

  setAutoPrint(rule: AutoPrintRule): void {
    this.#journal.setSettings({ autoPrint: rule });
  }
}
