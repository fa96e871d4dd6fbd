/**
 * `npm run bench:qr`: the label's QR encoder (electron/core/labels/qr-encoder.ts, now `qr` behind
 * a small adapter) against the other libraries, on the invoice texts labels carry, same process,
 * same run: `qr` called bare (the adapter's own cost), `qrcode`'s `create()` (the most used) and
 * bwip-js (the fallback for anything past version 40). Each encodes every text at level M.
 */
import { createRequire } from 'node:module';
import encodeQR from 'qr';
import QRCode from 'qrcode';
import { encodeQr } from '../../electron/core/labels/qr-encoder.ts';

const texts = [
  'INV20220714MPL2488808764',
  'INV/20220902/MPL/2669651212',
  'INV-ÉÀ-0001',
  `INV20221101LZD${'9'.repeat(30)}`,
  'x'.repeat(120),
];
const rounds = Number(process.argv[2] ?? 2000);
const bwip = createRequire(import.meta.url)('bwip-js/node') as { raw(bcid: string, text: string, options: string): unknown[] };

/** Each encoder answers its symbol's width in modules, so the versions chosen can be compared. */
const encoders: Record<string, (text: string) => number> = {
  'qr-encoder.ts': (text) => encodeQr(text, 'M')?.size ?? 0,
  "qrcode create()": (text) => QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size,
  // Its raw matrix has a quiet zone of at least one module on each side.
  'qr encodeQR(raw) bare': (text) => encodeQR(text, 'raw', { ecc: 'medium', border: 1 }).length - 2,
  'bwip-js raw': (text) => (bwip.raw('qrcode', text, 'eclevel=M')[0] as { pixx: number }).pixx,
};

function timePerSymbol(encode: (text: string) => number): number {
  for (let i = 0; i < 200; i++) for (const text of texts) encode(text);
  const start = performance.now();
  for (let i = 0; i < rounds; i++) for (const text of texts) encode(text);
  return ((performance.now() - start) * 1000) / (rounds * texts.length);
}

// Interleaved twice, so a burst of load on a shared machine does not favour one encoder.
const results = new Map<string, number[]>();
for (let pass = 0; pass < 2; pass++) {
  for (const [name, encode] of Object.entries(encoders)) results.set(name, [...(results.get(name) ?? []), timePerSymbol(encode)]);
}
const ours = Math.min(...(results.get('qr-encoder.ts') ?? [NaN]));
console.log(`QR level M, ${texts.length} invoice texts × ${rounds} rounds; best of two passes`);
for (const [name, times] of results) {
  const best = Math.min(...times);
  const sizes = texts.map((text) => encoders[name]?.(text)).join('/');
  console.log(`${name.padEnd(22)} ${best.toFixed(1).padStart(8)} µs/symbol  ${(best / ours).toFixed(1).padStart(5)}× ours  modules ${sizes}`);
}
