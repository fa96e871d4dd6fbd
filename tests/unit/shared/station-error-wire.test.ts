import { describe, expect, it } from 'vitest';
import { ApiServerError } from '../../../electron/core/api/api-errors.ts';
import { isExplained } from '../../../electron/shared/operator-message.ts';
import { stationEnvelopeSchema } from '../../../electron/shared/station-bridge.ts';
import { fromStationError, toStationError } from '../../../electron/shared/station-transport.ts';

const serverError = new ApiServerError({ call: 'print_order', method: 'POST', path: '/public/order/orders/print_order/c0ffee00-0000-4000-8000-000000000001/x/1', status: 503 });

describe('an error crossing a transport keeps what it means to the operator', () => {
  it('goes as name, message and text, and comes back as an error with the same text', () => {
    const wire = toStationError(serverError);
    expect(Object.keys(wire).sort()).toEqual(['message', 'name', 'text']);
    // The Electron bridge wraps it in an envelope: the schema keeps the text.
    const envelope = stationEnvelopeSchema.parse(JSON.parse(JSON.stringify({ ok: false, error: wire })));
    const back = fromStationError(envelope.ok ? undefined : envelope.error);
    expect(back.name).toBe('ApiServerError');
    expect(back.message).toBe(serverError.message);
    expect(isExplained(back) && back.text).toEqual(serverError.text);
  });

  it('an error without a text, or with a text that does not read, comes back as name and message only', () => {
    const plain = fromStationError(toStationError(new TypeError('x is undefined')));
    expect([plain.name, plain.message, isExplained(plain)]).toEqual(['TypeError', 'x is undefined', false]);
    const forged = fromStationError({ name: 'Error', message: 'm', text: { code: 'NOT A CODE', params: { a: { nested: true } } } });
    expect(forged).toMatchObject({ name: 'StationCallError' });
    expect(isExplained(forged) && forged.text.code).toBe('bad-request');
  });
});
