import { z } from 'zod';
import { apiBaseUrlSchema } from './api-base-url.ts';
import { tokenSchema, userIdSchema } from './api-credentials.ts';
import {
  batchSchema,
  orderDetailsSchema,
  orderPageSchema,
  orderSchema,
  orderStatusSchema,
  processedTimestampSchema,
  statusSummarySchema,
} from './domain.ts';
import {
  discoveredPrinterSchema,
  labelTemplateIdSchema,
  printerProfileInputSchema,
  printerProfileSchema,
  printerStatusSchema,
  rawLanguageSchema,
} from './printer-profile.ts';
import { operatorMessageSchema } from './operator-message.ts';
import { pickListSchema, pickListTemplateSchema } from './pick-list.ts';
import { packingRowSchema, scanCodeSchema, scanResultSchema } from './packing.ts';

/**
 * The one contract between the station core and any UI. Each method takes one object and
 * answers one value; both transports (Electron IPC, loopback HTTP/WebSocket) are generic loops
 * over `stationMethods` and validate what crosses them with these schemas.
 */

const isoTime = z.string().describe('ISO 8601 instant');

export const jobStateSchema = z.enum(['queued', 'claiming', 'claimed', 'printing', 'done', 'failed', 'waiting', 'cancelled']);
export type JobState = z.infer<typeof jobStateSchema>;
/** Over for good: nothing runs or retries the job again, and the journal may prune it. */
export const finishedJobStates = ['done', 'cancelled'] as const satisfies readonly JobState[];
/** Still owns its batch: printing, about to, or waiting for its printer. Another Print would only queue a copy. */
export const activeJobStates = ['queued', 'claiming', 'claimed', 'printing', 'waiting'] as const satisfies readonly JobState[];
/** The states `cancelJob` accepts. A printing job has labels in flight: cancelling it would leave them unaccounted for. */
export const cancellableJobStates = ['queued', 'claiming', 'claimed', 'failed', 'waiting'] as const satisfies readonly JobState[];

const isIn = (states: readonly JobState[]) => (state: JobState): boolean => states.includes(state);
export const isFinishedJobState = isIn(finishedJobStates);
export const isActiveJobState = isIn(activeJobStates);
export const isCancellableJobState = isIn(cancellableJobStates);

/**
 * `label-file`: the labels of a PDF or picture the operator printed; no API call.
 * `orders`: chosen orders of a batch printed as their own labels; no `print_order`, no print count change.
 */
export const jobKindSchema = z.enum(['print', 'auto-print', 'reprint', 'reprint-labels', 'label-file', 'orders']);
export type JobKind = z.infer<typeof jobKindSchema>;
/** Kinds that print some labels without calling `print_order`: they never own their batch or hold its orders. */
export const partialJobKinds = ['reprint-labels', 'label-file', 'orders'] as const satisfies readonly JobKind[];
export const isPartialJobKind = (kind: JobKind): boolean => (partialJobKinds as readonly JobKind[]).includes(kind);

export const jobViewSchema = z.object({
  id: z.string(),
  processed: processedTimestampSchema,
  kind: jobKindSchema,
  /** The `print_status` this job records on the backend; null for label reprints (no API call). */
  targetPrintStatus: z.number().int().nullable(),
  printerId: z.string(),
  printerName: z.string(),
  state: jobStateSchema,
  totalLabels: z.number().int(),
  confirmedLabels: z.number().int(),
  possibleDuplicates: z.number().int(),
  /** Why the job failed or waits, in English for the log. */
  reason: z.string().nullable(),
  /** The same for the operator: a code the UI translates. */
  reasonText: operatorMessageSchema.nullable().default(null),
  /** Held because print_order's answer did not match the batch: what `printReceivedOrders` would print. */
  heldAnswer: z.object({ expected: z.number().int(), received: z.number().int() }).nullable().optional(),
  /** In a pool: the station that printed the job, when it is another one. */
  station: z.string().optional(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type JobView = z.infer<typeof jobViewSchema>;

export const labelStateSchema = z.enum(['pending', 'sent', 'confirmed']);
/**
 * Which label a job prints for an order: ours (rendered), the supplied one (`order.labelImage`
 * or a file's), ours because the operator chose it when the supplied one could not be had, or
 * none yet because the supplied one is missing.
 */
export const labelSourceKindSchema = z.enum(['ours', 'supplied', 'supplied-missing', 'ours-instead-of-supplied']);
export type LabelSourceKind = z.infer<typeof labelSourceKindSchema>;
export const jobLabelSchema = z.object({
  /** 1-based position in this job: what `reprintLabels` takes. */
  index: z.number().int(),
  /** 1-based position in the batch, printed on the label ("k of n"); differs from `index` in a label reprint. */
  batchIndex: z.number().int(),
  orderId: z.string().nullable(),
  invoice: z.string(),
  awb: z.string().nullable(),
  recipient: z.string(),
  state: labelStateSchema,
  /** It was in flight when the station stopped, so it was printed again. */
  possibleDuplicate: z.boolean(),
  /** Absent: ours. */
  labelSource: labelSourceKindSchema.optional(),
  /** Why the supplied label could not be fetched or read, naming what was tried. */
  suppliedReason: z.string().nullable().optional(),
});
export type JobLabel = z.infer<typeof jobLabelSchema>;

export const journalEventSchema = z.object({
  id: z.number().int(),
  at: isoTime,
  level: z.enum(['info', 'warn', 'error']),
  kind: z.string(),
  /** English, as logged. */
  message: z.string(),
  /** What History shows. */
  text: operatorMessageSchema,
  jobId: z.string().nullable(),
  processed: z.string().nullable(),
});
export type JournalEvent = z.infer<typeof journalEventSchema>;

export const batchViewSchema = batchSchema.extend({
  /** The latest local job for this batch, if any. */
  job: jobViewSchema.nullable(),
  /** Parcels of it marked packed at this station's bench. */
  packed: z.number().int(),
});
export type BatchView = z.infer<typeof batchViewSchema>;

export const connectionStateSchema = z.enum(['not-configured', 'connecting', 'ok', 'unreachable', 'token-rejected']);
export type ConnectionState = z.infer<typeof connectionStateSchema>;

export const stationStateSchema = z.object({
  connection: connectionStateSchema,
  lastPollAt: isoTime.nullable(),
  /** The last polling (or disk) error, in English; null when the last poll succeeded. */
  lastError: z.string().nullable(),
  /** The same for the operator. */
  lastErrorText: operatorMessageSchema.nullable().default(null),
  /** `since`: when it was last switched on, on this machine's clock (absent from older journals). */
  autoPrint: z.object({ enabled: z.boolean(), cutoff: processedTimestampSchema.nullable(), since: isoTime.nullable().optional() }),
  /** Running on the embedded simulator, not a real backend. */
  demo: z.boolean(),
});
export type StationState = z.infer<typeof stationStateSchema>;

/**
 * Something that needs a person now. One per cause (its kind, job and printer): raised again
 * while showing, it is updated in place (`text`, `count`, `updatedAt`); the core clears it when
 * the cause is gone (`alertsCleared`).
 */
export const alertSchema = z.object({
  id: z.string(),
  /**
   * `bad-data`: the server sent rows the station cannot read; they are left out. `bad-settings`: so did this station's own stored settings.
   * `disk-full`: the journal's disk is full; held in memory, since the journal cannot store it.
   */
  kind: z.enum(['token-rejected', 'printer-offline', 'batch-failed', 'api-unreachable', 'bad-data', 'bad-settings', 'pool-unreachable', 'disk-full']),
  /** English, as logged. */
  message: z.string(),
  text: operatorMessageSchema,
  /** When it was first raised. */
  at: isoTime,
  updatedAt: isoTime,
  /** How many times its cause was reported while it showed. */
  count: z.number().int().min(1),
  /** When the station tries again by itself, if it will. */
  retryAt: isoTime.nullable(),
  jobId: z.string().nullable(),
  printerId: z.string().nullable(),
});
export type Alert = z.infer<typeof alertSchema>;

export const languageSchema = z.enum(['id', 'en']);

/**
 * The order a batch's labels come out in: the batch's own, or grouped by courier (stable within
 * a courier, orders without an AWB last) so each pickup pile comes out together. Either way a
 * label's footer keeps the batch's own `Label k/n`.
 */
export const labelOrderSchema = z.enum(['batch', 'courier']);
export type LabelOrder = z.infer<typeof labelOrderSchema>;

export const settingsViewSchema = z.object({
  apiBaseUrl: z.string(),
  userId: z.string(),
  /** Whether a token is stored; the token itself never leaves the core. */
  hasToken: z.boolean(),
  pollSeconds: z.number(),
  language: languageSchema,
  alertSound: z.boolean(),
  /** How often the beep repeats while an alert waits for a person; 0 beeps once. */
  alertRepeatSeconds: z.number(),
  defaultPrinterId: z.string().nullable(),
  labelOrder: labelOrderSchema,
  printers: z.array(printerProfileSchema),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

export const settingsPatchSchema = z
  .object({
    apiBaseUrl: apiBaseUrlSchema,
    userId: userIdSchema,
    token: tokenSchema,
    pollSeconds: z.number().min(2, 'poll at most every 2 seconds').max(3600),
    language: languageSchema,
    alertSound: z.boolean(),
    alertRepeatSeconds: z.number().int().min(0).max(3600).refine((s) => s === 0 || s >= 10, 'repeat at most every 10 seconds, or 0 for once'),
    defaultPrinterId: z.string().nullable(),
    labelOrder: labelOrderSchema,
  })
  .partial();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

/** A server as the operator sets it up: all three fields, by the settings schema's own rules. */
export const serverConnectionSchema = settingsPatchSchema.pick({ apiBaseUrl: true, userId: true, token: true }).required();
export type ServerConnection = z.output<typeof serverConnectionSchema>;

/** What the server's `total_summary` said to those values: its counts, or why it would not answer. */
export const connectionTestSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), summary: statusSummarySchema }),
  z.object({ ok: z.literal(false), problem: operatorMessageSchema }),
]);
export type ConnectionTest = z.infer<typeof connectionTestSchema>;

export const printerViewSchema = printerProfileSchema.extend({ status: printerStatusSchema });
export type PrinterView = z.infer<typeof printerViewSchema>;

export const labelPreviewSchema = z.object({
  /** PNG, base64, at the template's size and the given dpi. */
  pngBase64: z.string(),
  widthPx: z.number().int(),
  heightPx: z.number().int(),
});
export type LabelPreview = z.infer<typeof labelPreviewSchema>;

const none = z.object({});
/** A label file picked or dropped by the operator: PDF, PNG or JPEG, base64, at most 50 MB. */
const labelFileInput = z.object({
  fileName: z.string().trim().min(1).max(200),
  dataBase64: z.string().min(1).max(67_000_000, 'the label file is over 50 MB'),
  layout: z.enum(['auto', 'single', 'a4-2up', 'a4-4up']).default('auto'),
});
const byProcessed = z.object({ processed: processedTimestampSchema, printerId: z.string().optional() });

export const stationMethods = {
  getState: { input: none, output: stationStateSchema },
  listBatches: { input: z.object({ q: z.string().optional() }), output: z.array(batchViewSchema) },
  /** The batch's orders without printing it (from the journal, else the order list). */
  getBatchOrders: { input: z.object({ processed: processedTimestampSchema }), output: z.array(orderSchema) },
  /** The products to pick for some batches, summed, and their parcels per courier. */
  getPickList: { input: z.object({ processed: z.array(processedTimestampSchema).min(1).max(100) }), output: pickListSchema },
  /** The same pick list as a PDF, on the chosen medium, in the operator's language. */
  renderPickList: {
    input: z.object({ processed: z.array(processedTimestampSchema).min(1).max(100), template: pickListTemplateSchema, language: languageSchema }),
    output: z.object({ pdfBase64: z.string() }),
  },
  /** A code scanned at the packing bench (AWB or invoice): the parcel found and marked packed, once. */
  scanToPack: { input: z.object({ code: scanCodeSchema, processed: processedTimestampSchema.optional() }), output: scanResultSchema },
  /** Every parcel of the batches printed in [from, to), packed or not, for the day's export. */
  packingReport: { input: z.object({ from: isoTime, to: isoTime }), output: z.array(packingRowSchema) },
  printBatch: { input: byProcessed, output: jobViewSchema },
  /** Prints a printed batch again and increments its count: the UI confirms first. */
  reprintBatch: { input: byProcessed.extend({ confirmed: z.literal(true) }), output: jobViewSchema },
  /** Prints chosen labels of a job again from the journal's stored orders: no API call. */
  reprintLabels: {
    input: z.object({ jobId: z.string(), indexes: z.array(z.number().int().positive()).min(1), printerId: z.string().optional() }),
    output: jobViewSchema,
  },
  /**
   * Prints chosen orders of a batch as their own labels (an `orders` job): no `print_order` call,
   * no print count change. The orders come from the journal's stored orders of the batch, else
   * from the API's order `details` (a batch printed elsewhere); each label keeps the batch's own
   * `Label k/n` where it is known.
   */
  printOrders: {
    input: z.object({ processed: processedTimestampSchema, orderIds: z.array(z.string().min(1)).min(1).max(300), printerId: z.string().optional() }),
    output: jobViewSchema,
  },
  /**
   * Moves a `waiting` or `failed` job to another printer of the same label template; it then runs
   * there at once (the old printer's retry time no longer applies). Refused with an operator code
   * for another template, an unknown printer, or a job in any other state.
   */
  moveJob: { input: z.object({ jobId: z.string(), printerId: z.string() }), output: jobViewSchema },
  /** Gives a job up for good: it is never run or retried again; its stored labels can still be reprinted. */
  cancelJob: { input: z.object({ jobId: z.string() }), output: jobViewSchema },
  /**
   * The operator's explicit choice for a job held because supplied labels could not be had: print
   * our own label for those orders (journalled, flagged in History), then run the job.
   */
  printOwnLabels: { input: z.object({ jobId: z.string() }), output: jobViewSchema },
  /** Runs a failed or waiting job now instead of at its retry time (or at all, for one that stopped retrying). */
  retryJob: { input: z.object({ jobId: z.string() }), output: jobViewSchema },
  /** Prints the orders a held print_order answer brought (fewer or more than the batch lists), as they are. */
  printReceivedOrders: { input: z.object({ jobId: z.string() }), output: jobViewSchema },
  listJobs: {
    input: z.object({
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
      state: jobStateSchema.optional(),
      q: z.string().optional(),
    }),
    output: z.array(jobViewSchema),
  },
  getJob: {
    input: z.object({ jobId: z.string() }),
    output: z.object({ job: jobViewSchema, labels: z.array(jobLabelSchema), events: z.array(journalEventSchema) }),
  },
  listEvents: {
    input: z.object({
      jobId: z.string().optional(),
      level: journalEventSchema.shape.level.optional(),
      q: z.string().optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: z.array(journalEventSchema),
  },
  getSettings: { input: none, output: settingsViewSchema },
  /** Calls the server's `total_summary` with exactly these values; nothing is saved. */
  testConnection: { input: serverConnectionSchema, output: connectionTestSchema },
  /** Tests the server, and only when the test passes stores it (a demo station hands over to it). */
  connectServer: { input: serverConnectionSchema, output: z.object({ test: connectionTestSchema, settings: settingsViewSchema }) },
  /** Forgets the server's address, user id and token; a station that came from the demo goes back to it. */
  disconnectServer: { input: none, output: settingsViewSchema },
  updateSettings: { input: settingsPatchSchema, output: settingsViewSchema },
  /** `cutoff` moves the "processed after" line; omitted, switching on sets it to now. */
  setAutoPrint: {
    input: z.object({ enabled: z.boolean(), cutoff: processedTimestampSchema.optional() }),
    output: stationStateSchema,
  },
  listPrinters: { input: none, output: z.array(printerViewSchema) },
  discoverPrinters: { input: none, output: z.array(discoveredPrinterSchema) },
  savePrinter: { input: printerProfileInputSchema, output: printerProfileSchema },
  removePrinter: { input: z.object({ id: z.string() }), output: z.object({ removed: z.boolean() }) },
  printTestPage: { input: z.object({ id: z.string() }), output: z.object({ printed: z.boolean() }) },
  /** A label printer measures its labels with its own sensor (TSPL GAPDETECT/BLINEDETECT, ZPL ~JC), then prints the test page. */
  calibratePrinter: { input: z.object({ id: z.string() }), output: z.object({ calibrated: z.boolean() }) },
  /** "Add as label printer" on a USB printer without a queue: creates a raw CUPS queue; `message` says what was done. */
  createRawQueue: {
    input: z.object({
      deviceUri: z.string().trim().min(1).max(512),
      name: z.string().trim().regex(/^[A-Za-z0-9_-]{1,127}$/, 'a queue name has letters, digits, _ and - only'),
      language: rawLanguageSchema,
    }),
    output: z.object({ queue: z.string(), uri: z.string(), message: z.string() }),
  },
  previewLabel: {
    input: z.object({
      order: orderSchema.optional(),
      orderId: z.string().optional(),
      processed: processedTimestampSchema.optional(),
      template: labelTemplateIdSchema,
      dpi: z.number().int().min(150).max(600).default(203),
    }),
    output: labelPreviewSchema,
  },
  /** The labels a file becomes (each page, or each label region of an A4 page), as previews, before printing. */
  previewLabelFile: {
    input: labelFileInput.extend({ template: labelTemplateIdSchema, dpi: z.number().int().min(150).max(600).default(203) }),
    output: z.array(labelPreviewSchema.extend({ name: z.string() })),
  },
  /** Prints a label file as a `label-file` job: its labels stored in the journal first, confirmed one by one. */
  printLabelFile: { input: labelFileInput.extend({ printerId: z.string().optional() }), output: jobViewSchema },
  getSummary: { input: none, output: statusSummarySchema },
  listOrders: {
    input: z.object({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
      q: z.string().optional(),
      status: orderStatusSchema.optional(),
    }),
    output: orderPageSchema,
  },
  getOrderDetails: { input: z.object({ id: z.string() }), output: orderDetailsSchema },
  listAlerts: { input: none, output: z.array(alertSchema) },
  dismissAlert: { input: z.object({ id: z.string() }), output: z.object({ dismissed: z.boolean() }) },
} as const;

export const stationEvents = {
  state: stationStateSchema,
  batches: z.array(batchViewSchema),
  job: jobViewSchema,
  alert: alertSchema,
  /** Alerts whose cause is gone: the UI drops them. */
  alertsCleared: z.object({ ids: z.array(z.string()) }),
  journal: journalEventSchema,
} as const;

type Methods = typeof stationMethods;
type Events = typeof stationEvents;
export type StationMethodName = keyof Methods;
export type StationEventName = keyof Events;
export const stationMethodNames = Object.keys(stationMethods) as StationMethodName[];
export const stationEventNames = Object.keys(stationEvents) as StationEventName[];

export type StationMethodInput<K extends StationMethodName> = z.input<Methods[K]['input']>;
export type StationMethodOutput<K extends StationMethodName> = z.output<Methods[K]['output']>;
export type StationEventPayload<E extends StationEventName> = z.output<Events[E]>;

export type StationMethods = {
  [K in StationMethodName]: (input: StationMethodInput<K>) => Promise<StationMethodOutput<K>>;
};

export interface StationEventsSource {
  /** Subscribes; returns the function that unsubscribes. */
  on<E extends StationEventName>(event: E, listener: (payload: StationEventPayload<E>) => void): () => void;
}

export type StationApi = StationMethods & StationEventsSource;

/** An error that crossed a transport: its class name, its English message and the operator's text survive. */
export const stationErrorSchema = z.object({ name: z.string(), message: z.string(), text: operatorMessageSchema.optional() });
export type StationError = z.infer<typeof stationErrorSchema>;
