import { z } from 'zod';
import { readPrinterUri } from './printer-uri-syntax.ts';

export const labelTemplateIds = ['100x150', '100x100', 'a6', 'a4-4up', '80mm'] as const;
export const labelTemplateIdSchema = z.enum(labelTemplateIds);
export type LabelTemplateId = z.infer<typeof labelTemplateIdSchema>;

export const supportedDpis = [203, 300] as const;
export const dpiSchema = z.union([z.literal(203), z.literal(300)]);

/**
 * A printer URI names the adapter: `system:NAME`, `escpos://HOST:PORT`, `tspl://HOST:PORT`,
 * `zpl://HOST:PORT`, `pdf-dir:FOLDER`, and the raw languages through the OS queue NAME:
 * `tspl+system:NAME`, `escpos+system:NAME`, `zpl+system:NAME`. Checked whole here (port range,
 * host syntax, nothing after a raw printer's port, a full folder path), so a profile that was
 * saved can always be opened.
 */
export const printerUriSchema = z
  .string()
  .trim()
  .max(2048)
  .superRefine((uri, context) => {
    const reading = readPrinterUri(uri);
    if (!reading.ok) context.addIssue({ code: 'custom', message: reading.problem });
  });

/** How the printer finds the next label: the gap between die-cut labels, a black mark, or none (a roll). */
export const mediaSensorSchema = z.enum(['gap', 'mark', 'continuous']);
export type MediaSensor = z.infer<typeof mediaSensorSchema>;

/** The medium loaded in a label printer, for the raw languages' setup commands. */
export const printerMediaSchema = z.object({
  sensor: mediaSensorSchema,
  /** Length of the gap or black mark between labels, mm; unused on a continuous roll. */
  gapMm: z.number().min(0).max(25),
  /** Where the gap or mark sits from the label's edge, mm (TSPL's second GAP/BLINE value). */
  offsetMm: z.number().min(-25).max(25),
  /** Print speed in inches per second; null keeps the printer's own setting. */
  speedIps: z.number().int().min(1).max(14).nullable(),
});
export type PrinterMedia = z.infer<typeof printerMediaSchema>;

/** What a profile without a medium gets: die-cut labels with the common 2 mm gap, the printer's own speed. */
export const defaultPrinterMedia: PrinterMedia = { sensor: 'gap', gapMm: 2, offsetMm: 0, speedIps: null };

/** One printer and how labels are laid out for it: a route a batch can be sent to. */
export const printerProfileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(80),
  uri: printerUriSchema,
  template: labelTemplateIdSchema,
  dpi: dpiSchema,
  /** Shifts the whole label on the medium, to calibrate a printer (mm, may be negative). */
  offsetXmm: z.number().min(-20).max(20),
  offsetYmm: z.number().min(-20).max(20),
  /** 0–15 for the languages that have it (TSPL DENSITY, ZPL ~SD scaled); null leaves the printer's own. */
  darkness: z.number().int().min(0).max(15).nullable(),
  /** Labels sent in one job: small, so the first label prints while the rest render. */
  labelsPerJob: z.number().int().min(1).max(100),
  /**
   * `pdf-dir:` only: the mode of its label files, octal (default "0600", the user's alone). A hot
   * folder another account reads sets e.g. "0640" or "0644"; folders it creates follow (0750, 0755).
   */
  fileMode: z.string().regex(/^0?6[0246][0246]$/, 'a file mode is octal, readable and writable by the owner, never executable: 0600, 0640, 0644').optional(),
  /** The loaded medium, for TSPL and ZPL printers; absent means `defaultPrinterMedia`. */
  media: printerMediaSchema.optional(),
  /**
   * Prints the batch's pick list (on this printer's template) before the labels of a `print` or
   * `auto-print` job; never counted as a label. Absent means false.
   */
  pickListFirst: z.boolean().optional(),
});
export type PrinterProfile = z.infer<typeof printerProfileSchema>;

export const printerProfileInputSchema = printerProfileSchema.partial({ id: true }).extend({
  offsetXmm: z.number().min(-20).max(20).default(0),
  offsetYmm: z.number().min(-20).max(20).default(0),
  darkness: z.number().int().min(0).max(15).nullable().default(null),
  labelsPerJob: z.number().int().min(1).max(100).default(5),
  template: labelTemplateIdSchema.default('100x150'),
  dpi: dpiSchema.default(203),
  pickListFirst: z.boolean().default(false),
});
export type PrinterProfileInput = z.input<typeof printerProfileInputSchema>;

export const printerStateSchema = z.enum(['ready', 'busy', 'offline', 'paper-out', 'stopped', 'error', 'unknown']);
export type PrinterState = z.infer<typeof printerStateSchema>;

export const printerStatusSchema = z.object({
  state: printerStateSchema,
  /** What the operator should do, in plain words, when the state is not `ready`. */
  message: z.string(),
});
export type PrinterStatus = z.infer<typeof printerStatusSchema>;

export const rawLanguageSchema = z.enum(['tspl', 'zpl', 'escpos']);
export type RawLanguage = z.infer<typeof rawLanguageSchema>;

export const discoveredPrinterSchema = z.object({
  /** The printer URI to add it as; for a `usb-device` (no queue yet), its device URI (`usb://…`). */
  uri: z.string(),
  name: z.string(),
  kind: z.enum(['system', 'escpos', 'tspl', 'zpl', 'pdf-dir', 'usb-device']),
  status: printerStatusSchema,
  /** As the OS names it (CUPS printer-make-and-model, the Windows driver name), when known. */
  makeAndModel: z.string().nullable().optional(),
  /** Where the OS sends its jobs: CUPS device-uri, the Windows port (USB001). */
  connection: z.string().nullable().optional(),
  /** The raw language its make and model suggest: a guess, to be confirmed with a test page. */
  guessedLanguage: rawLanguageSchema.nullable().optional(),
  /** The URIs it can be added as, the likeliest first (the raw kind beside the PDF one). */
  suggestedUris: z.array(z.string()).optional(),
});
export type DiscoveredPrinter = z.infer<typeof discoveredPrinterSchema>;
