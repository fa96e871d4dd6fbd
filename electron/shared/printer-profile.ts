import { z } from 'zod';
import { readPrinterUri } from './printer-uri-syntax.ts';

export const labelTemplateIds = ['100x150', '100x100', 'a6', 'a4-4up', '80mm'] as const;
export const labelTemplateIdSchema = z.enum(labelTemplateIds);
export type LabelTemplateId = z.infer<typeof labelTemplateIdSchema>;

export const supportedDpis = [203, 300] as const;
export const dpiSchema = z.union([z.literal(203), z.literal(300)]);

/**
 * A printer URI names the adapter: `system:NAME`, `escpos://HOST:PORT`, `tspl://HOST:PORT`,
 * `zpl://HOST:PORT`, `pdf-dir:FOLDER`. Checked whole here (port range, host syntax, nothing after
 * a raw printer's port, a full folder path), so a profile that was saved can always be opened.
 */
export const printerUriSchema = z
  .string()
  .trim()
  .max(2048)
  .superRefine((uri, context) => {
    const reading = readPrinterUri(uri);
    if (!reading.ok) context.addIssue({ code: 'custom', message: reading.problem });
  });

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
});
export type PrinterProfile = z.infer<typeof printerProfileSchema>;

export const printerProfileInputSchema = printerProfileSchema.partial({ id: true }).extend({
  offsetXmm: z.number().min(-20).max(20).default(0),
  offsetYmm: z.number().min(-20).max(20).default(0),
  darkness: z.number().int().min(0).max(15).nullable().default(null),
  labelsPerJob: z.number().int().min(1).max(100).default(5),
  template: labelTemplateIdSchema.default('100x150'),
  dpi: dpiSchema.default(203),
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

export const discoveredPrinterSchema = z.object({
  uri: z.string(),
  name: z.string(),
  kind: z.enum(['system', 'escpos', 'tspl', 'zpl', 'pdf-dir']),
  status: printerStatusSchema,
});
export type DiscoveredPrinter = z.infer<typeof discoveredPrinterSchema>;
