import type { ApiResponse } from './node-http-fetch.ts';

/** The body was, or announced itself, bigger than the cap; nothing past the cap was read. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/**
 * Reads a response body as UTF-8 text, at most `maxBytes` of it. A `Content-Length` above the
 * cap is refused before reading; a body that grows past it while streaming (no length, or a
 * lying one) is cancelled at once, so a hostile or broken server cannot fill the memory.
 */
export async function readCappedText(response: ApiResponse, maxBytes: number): Promise<string> {
  const announced = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(announced) && announced > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(`the answer announces ${announced} bytes`);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    if (read > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(`the answer grew past ${maxBytes} bytes`);
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}
