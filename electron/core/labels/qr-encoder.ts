import encodeQR from 'qr';

/**
 * The label's QR codes, through `qr` (ISO/IEC 18004, versions 1–40, every mask penalty rule).
 * It replaced a hand-written byte-mode encoder (versions 1–10, no penalty rule 3) after
 * `npm run bench:qr` measured it 2–3× faster than that one and than `qrcode`'s `create()`.
 */
export type QrLevel = 'L' | 'M';

export interface QrSymbol {
  size: number;
  /** `cells[row * size + column]` is 1 for a dark module. */
  cells: Uint8Array;
}

const ecc = { L: 'low', M: 'medium' } as const;
/** `qr` draws at least one module of quiet zone around the symbol; the layout adds its own. */
const border = 1;

/** Encodes text as the smallest QR symbol that holds it; null when even version 40 cannot. */
export function encodeQr(text: string, level: QrLevel): QrSymbol | null {
  let rows: boolean[][];
  try {
    rows = encodeQR(text, 'raw', { ecc: ecc[level], border });
  } catch (error) {
    if (error instanceof Error && /capacity/i.test(error.message)) return null;
    throw error;
  }
  const size = rows.length - 2 * border;
  const cells = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) {
    const row = rows[y + border] ?? [];
    for (let x = 0; x < size; x++) cells[y * size + x] = row[x + border] ? 1 : 0;
  }
  return { size, cells };
}
