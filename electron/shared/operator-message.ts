import { z } from 'zod';
import type { OperatorCode, ParamsOf } from './operator-codes.ts';

/**
 * What the core tells the operator: a catalogue code and its parameters, never prose. The
 * renderer and the CLI translate it (`codes.<code>` in `shared/i18n/{id,en}.json`); logs keep
 * the English `message` next to it. Technical detail (HTTP status, a path without the user id,
 * a short excerpt of a body) rides along for the UI's "Detail" toggle, never in the headline.
 */
export const operatorCodeSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a code is kebab-case');
export const messageParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type MessageParams = z.infer<typeof messageParamsSchema>;

export const operatorMessageSchema = z.object({
  code: operatorCodeSchema,
  params: messageParamsSchema.default({}),
  detail: z.string().max(2000).nullable().default(null),
});
export type OperatorMessage = z.output<typeof operatorMessageSchema>;

/** Only a listed code, with exactly the parameters its catalogue entries use. */
export function operatorMessage<C extends OperatorCode>(code: C, params: ParamsOf<C>, detail: string | null = null): OperatorMessage {
  return { code, params, detail: detail === null ? null : detail.slice(0, 2000) };
}

/** Anything that says what it means to the operator: an `OperatorError`, a typed API or printer error. */
export interface Explained {
  readonly message: string;
  readonly text: OperatorMessage;
}

export function isExplained(value: unknown): value is Explained {
  if (typeof value !== 'object' || value === null || !('text' in value) || !('message' in value)) return false;
  return operatorMessageSchema.safeParse(value.text).success && typeof value.message === 'string';
}

/** What an error means to the operator: its own text, else a generic code with its English words as detail. */
export function explain(error: unknown): OperatorMessage {
  if (isExplained(error)) return error.text;
  return operatorMessage('unexpected-error', {}, error instanceof Error ? error.message : String(error));
}

/**
 * An error the operator is meant to read: `text` is what the UI translates, `message` the
 * English line for the log. Crosses the transports with its `text`.
 */
export class OperatorError extends Error {
  readonly text: OperatorMessage;

  constructor(text: OperatorMessage, englishMessage: string, options?: ErrorOptions) {
    super(englishMessage, options);
    this.name = 'OperatorError';
    this.text = text;
  }
}
