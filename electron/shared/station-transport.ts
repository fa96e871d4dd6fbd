import type { z } from 'zod';
import {
  stationErrorSchema,
  stationEvents,
  stationMethodNames,
  stationMethods,
  type StationApi,
  type StationError,
  type StationEventName,
  type StationMethodName,
  type StationMethods,
} from './station-api.ts';
import { isExplained, operatorMessage, OperatorError } from './operator-message.ts';

/**
 * The generic halves every transport shares, so neither the IPC bridge nor the HTTP server
 * nor the client has a handler per method: one lookup by name, the contract's schemas on both
 * sides, errors reduced to `{name, message}`.
 */

/** A call named something the contract does not have, or an argument the schema refuses. */
export class StationCallError extends OperatorError {
  override name = 'StationCallError';
  constructor(englishMessage: string, text = operatorMessage('bad-request', {}, englishMessage)) {
    super(text, englishMessage);
  }
}

export function isStationMethodName(name: string): name is StationMethodName {
  return Object.hasOwn(stationMethods, name);
}

export function isStationEventName(name: string): name is StationEventName {
  return Object.hasOwn(stationEvents, name);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * Every contract method from one untyped handler per name: how each loop over the contract
 * (the station's input checks, the client over a wire, a delegating station) builds its object,
 * with the one cast from untyped functions to the contract's signatures made here.
 */
export function stationMethodsFrom(handler: (name: StationMethodName) => (input: unknown) => Promise<unknown>): StationMethods {
  return Object.fromEntries(stationMethodNames.map((name) => [name, handler(name)])) as unknown as StationMethods;
}

/** Validates the raw input, runs the method on `api`, and returns its output. */
export async function callStationMethod(api: StationApi, name: string, rawInput: unknown): Promise<unknown> {
  if (!isStationMethodName(name)) throw new StationCallError(`unknown station method "${name}"`);
  const parsed = stationMethods[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? '';
    throw new StationCallError(`${name}: ${describeIssues(parsed.error)}`, operatorMessage('bad-input', { method: name, field: field || '—' }, describeIssues(parsed.error)));
  }
  const method = api[name] as (input: unknown) => Promise<unknown>;
  return method.call(api, parsed.data);
}

/** Checks what came back over the wire against the contract, so bad data fails loudly here. */
export function parseStationOutput<K extends StationMethodName>(name: K, raw: unknown): z.output<(typeof stationMethods)[K]['output']> {
  const parsed = stationMethods[name].output.safeParse(raw);
  if (!parsed.success) throw new StationCallError(`${name} answered unexpected data: ${describeIssues(parsed.error)}`);
  return parsed.data as z.output<(typeof stationMethods)[K]['output']>;
}

export function parseStationEvent(name: StationEventName, raw: unknown): unknown {
  const parsed = stationEvents[name].safeParse(raw);
  if (!parsed.success) throw new StationCallError(`event ${name} carried unexpected data: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** What crosses a transport when a call fails: never a stack, never an object graph; the operator's text when it has one. */
export function toStationError(error: unknown): StationError {
  const text = isExplained(error) ? { text: error.text } : {};
  if (error instanceof Error) return { name: error.name, message: error.message, ...text };
  return { name: 'Error', message: String(error) };
}

/**
 * The receiving side turns the wire error back into an `Error` with the same name and message,
 * an `OperatorError` (its `text`) when the station said what it means to the operator.
 */
export function fromStationError(raw: unknown): Error {
  const parsed = stationErrorSchema.safeParse(raw);
  if (!parsed.success) return new StationCallError('the station answered an unreadable error');
  const { name, message, text } = parsed.data;
  const error = text ? new OperatorError(text, message) : new Error(message);
  error.name = name;
  return error;
}
