import { z } from 'zod';
import { stationErrorSchema, type StationEventName, type StationMethodName } from './station-api.ts';

/**
 * The shape the Electron preload puts on `window.labelStation`: one function per contract
 * method (answering an envelope, because Electron mangles errors thrown across IPC) and one
 * `on<Event>` function per contract event. Nothing else crosses the context bridge.
 */
export const bridgeGlobalName = 'labelStation';

export const stationEnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: stationErrorSchema }),
]);
export type StationEnvelope = z.infer<typeof stationEnvelopeSchema>;

export type BridgeEventKey<E extends StationEventName> = `on${Capitalize<E>}`;

export type StationBridge = {
  [K in StationMethodName]: (input: unknown) => Promise<StationEnvelope>;
} & {
  [E in StationEventName as BridgeEventKey<E>]: (listener: (payload: unknown) => void) => () => void;
};

export function methodChannel(method: StationMethodName): string {
  return `station:${method}`;
}

export function eventChannel(event: StationEventName): string {
  return `station-event:${event}`;
}

export function bridgeEventKey<E extends StationEventName>(event: E): BridgeEventKey<E> {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as BridgeEventKey<E>;
}
