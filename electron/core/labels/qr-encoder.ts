/**
 * A small QR Code encoder (ISO/IEC 18004: byte mode, versions 1–10, error correction L or M).
 * It exists for speed: bwip-js's general engine takes milliseconds per symbol, most of a
 * label's render time, while an invoice needs only a short byte-mode code. Longer texts return
 * null and the caller falls back to bwip-js.
 */

export type QrLevel = 'L' | 'M';

/** Per version 1..10 (index 0 unused): error correction codewords per block, and block count. */
const eccPerBlock: Record<QrLevel, number[]> = {
  L: [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18],
  M: [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26],
};
const blockCount: Record<QrLevel, number[]> = {
  L: [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4],
  M: [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5],
};
const formatLevelBits: Record<QrLevel, number> = { L: 1, M: 0 };
const maxVersion = 10;

const bit = (value: number, index: number): boolean => ((value >>> index) & 1) !== 0;

function rawDataModules(version: number): number {
  let result = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const align = Math.floor(version / 7) + 2;
    result -= (25 * align - 10) * align - 55;
    if (version >= 7) result -= 36;
  }
  return result;
}

const dataCodewords = (version: number, level: QrLevel): number =>
  Math.floor(rawDataModules(version) / 8) - (eccPerBlock[level][version] ?? 0) * (blockCount[level][version] ?? 0);

/** GF(256) with the QR polynomial 0x11d, as exponent and logarithm tables. */
const gfExp = new Uint8Array(512);
const gfLog = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++) {
  gfExp[i] = x;
  gfExp[i + 255] = x;
  gfLog[x] = i;
  x = (x << 1) ^ (x & 0x80 ? 0x11d : 0);
}

const gfMultiply = (x: number, y: number): number => (x === 0 || y === 0 ? 0 : (gfExp[(gfLog[x] ?? 0) + (gfLog[y] ?? 0)] ?? 0));

const divisors = new Map<number, number[]>();

/** The Reed–Solomon generator polynomial of a degree (its leading 1 left out), computed once. */
function rsDivisor(degree: number): number[] {
  const known = divisors.get(degree);
  if (known) return known;
  const result = new Array<number>(degree).fill(0);
  result[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      result[j] = gfMultiply(result[j] ?? 0, root) ^ (j + 1 < degree ? (result[j + 1] ?? 0) : 0);
    }
    root = gfMultiply(root, 0x02);
  }
  divisors.set(degree, result);
  return result;
}

function rsRemainder(data: readonly number[], divisor: readonly number[]): number[] {
  const result = new Array<number>(divisor.length).fill(0);
  for (const byte of data) {
    const factor = byte ^ (result[0] ?? 0);
    for (let i = 0; i < divisor.length; i++) result[i] = (i + 1 < divisor.length ? (result[i + 1] ?? 0) : 0) ^ gfMultiply(divisor[i] ?? 0, factor);
  }
  return result;
}

/** The data codewords, padded, split into blocks with their error correction, interleaved. */
function codewords(bytes: Uint8Array, version: number, level: QrLevel): number[] {
  const capacity = dataCodewords(version, level);
  const bits: number[] = [];
  const put = (value: number, length: number): void => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  put(0b0100, 4);
  put(bytes.length, version <= 9 ? 8 : 16);
  bytes.forEach((b) => put(b, 8));
  put(0, Math.min(4, capacity * 8 - bits.length));
  put(0, (8 - (bits.length % 8)) % 8);
  const data: number[] = [];
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((acc, b) => (acc << 1) | (b ?? 0), 0));
  for (let pad = 0xec; data.length < capacity; pad ^= 0xec ^ 0x11) data.push(pad);

  const blocks = blockCount[level][version] ?? 1;
  const eccLen = eccPerBlock[level][version] ?? 0;
  const raw = Math.floor(rawDataModules(version) / 8);
  const shortBlocks = blocks - (raw % blocks);
  const shortLen = Math.floor(raw / blocks);
  const divisor = rsDivisor(eccLen);
  const laid: number[][] = [];
  for (let i = 0, k = 0; i < blocks; i++) {
    const chunk = data.slice(k, k + shortLen - eccLen + (i < shortBlocks ? 0 : 1));
    k += chunk.length;
    const ecc = rsRemainder(chunk, divisor);
    if (i < shortBlocks) chunk.push(0);
    laid.push([...chunk, ...ecc]);
  }
  const result: number[] = [];
  for (let i = 0; i < (laid[0]?.length ?? 0); i++) {
    laid.forEach((block, j) => {
      if (i !== shortLen - eccLen || j >= shortBlocks) result.push(block[i] ?? 0);
    });
  }
  return result;
}

class Grid {
  readonly dark: Uint8Array;
  readonly fixed: Uint8Array;
  constructor(readonly size: number) {
    this.dark = new Uint8Array(size * size);
    this.fixed = new Uint8Array(size * size);
  }
  copy(): Grid {
    const twin = new Grid(this.size);
    twin.dark.set(this.dark);
    twin.fixed.set(this.fixed);
    return twin;
  }
  set(x: number, y: number, dark: boolean): void {
    this.dark[y * this.size + x] = dark ? 1 : 0;
    this.fixed[y * this.size + x] = 1;
  }
}

function drawFunctionPatterns(grid: Grid, version: number): void {
  const { size } = grid;
  for (let i = 0; i < size; i++) {
    grid.set(6, i, i % 2 === 0);
    grid.set(i, 6, i % 2 === 0);
  }
  for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]] as const) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        const distance = Math.max(Math.abs(dx), Math.abs(dy));
        if (x >= 0 && x < size && y >= 0 && y < size) grid.set(x, y, distance !== 2 && distance !== 4);
      }
    }
  }
  const positions: number[] = [];
  if (version > 1) {
    const count = Math.floor(version / 7) + 2;
    const step = Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
    positions.push(6);
    for (let pos = size - 7; positions.length < count; pos -= step) positions.splice(1, 0, pos);
  }
  const last = positions.length - 1;
  positions.forEach((ax, i) =>
    positions.forEach((ay, j) => {
      if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return;
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) grid.set(ax + dx, ay + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
    }),
  );
  if (version >= 7) {
    let rem = version;
    for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
    const bits = (version << 12) | rem;
    for (let i = 0; i < 18; i++) {
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      grid.set(a, b, bit(bits, i));
      grid.set(b, a, bit(bits, i));
    }
  }
}

function drawFormatBits(grid: Grid, level: QrLevel, mask: number): void {
  const { size } = grid;
  const data = (formatLevelBits[level] << 3) | mask;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  const bits = ((data << 10) | rem) ^ 0x5412;
  for (let i = 0; i <= 5; i++) grid.set(8, i, bit(bits, i));
  grid.set(8, 7, bit(bits, 6));
  grid.set(8, 8, bit(bits, 7));
  grid.set(7, 8, bit(bits, 8));
  for (let i = 9; i < 15; i++) grid.set(14 - i, 8, bit(bits, i));
  for (let i = 0; i < 8; i++) grid.set(size - 1 - i, 8, bit(bits, i));
  for (let i = 8; i < 15; i++) grid.set(8, size - 15 + i, bit(bits, i));
  grid.set(8, size - 8, true);
}

function drawCodewords(grid: Grid, data: readonly number[]): void {
  const { size } = grid;
  let i = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const y = ((right + 1) & 2) === 0 ? size - 1 - vert : vert;
        const at = y * size + x;
        if (grid.fixed[at] === 0 && i < data.length * 8) {
          grid.dark[at] = ((data[i >>> 3] ?? 0) >>> (7 - (i & 7))) & 1;
          i++;
        }
      }
    }
  }
}

const masks: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

function applyMask(grid: Grid, mask: number): void {
  const test = masks[mask] ?? masks[0];
  for (let y = 0; y < grid.size; y++) {
    for (let x = 0; x < grid.size; x++) {
      const at = y * grid.size + x;
      if (grid.fixed[at] === 0 && test?.(x, y) === true) grid.dark[at] = (grid.dark[at] ?? 0) ^ 1;
    }
  }
}

/** The standard's penalty rules 1, 2 and 4 (long runs, 2×2 blocks, dark/light balance). */
function penalty(grid: Grid): number {
  const { size, dark } = grid;
  let score = 0;
  for (let a = 0; a < size; a++) {
    let rowRun = 1;
    let colRun = 1;
    for (let b = 1; b < size; b++) {
      if (dark[a * size + b] === dark[a * size + b - 1]) rowRun++;
      else rowRun = 1;
      if (rowRun === 5) score += 3;
      else if (rowRun > 5) score++;
      if (dark[b * size + a] === dark[(b - 1) * size + a]) colRun++;
      else colRun = 1;
      if (colRun === 5) score += 3;
      else if (colRun > 5) score++;
    }
  }
  let darkCount = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = dark[y * size + x];
      darkCount += c ?? 0;
      if (x > 0 && y > 0 && c === dark[y * size + x - 1] && c === dark[(y - 1) * size + x] && c === dark[(y - 1) * size + x - 1]) score += 3;
    }
  }
  const total = size * size;
  score += (Math.ceil(Math.abs(darkCount * 20 - total * 10) / total) - 1) * 10;
  return score;
}

export interface QrSymbol {
  size: number;
  /** `cells[row * size + column]` is 1 for a dark module. */
  cells: Uint8Array;
}

/** Encodes text (UTF-8, byte mode) as the smallest QR symbol up to version 10; null if longer. */
export function encodeQr(text: string, level: QrLevel): QrSymbol | null {
  const bytes = new TextEncoder().encode(text);
  let version = 1;
  while (version <= maxVersion && 4 + (version <= 9 ? 8 : 16) + bytes.length * 8 > dataCodewords(version, level) * 8) version++;
  if (version > maxVersion) return null;
  const data = codewords(bytes, version, level);
  // Function patterns and data are drawn once; each mask is tried on a copy.
  const base = new Grid(version * 4 + 17);
  drawFunctionPatterns(base, version);
  drawFormatBits(base, level, 0);
  drawCodewords(base, data);
  let best: Grid | null = null;
  let bestScore = Infinity;
  for (let mask = 0; mask < masks.length; mask++) {
    const grid = base.copy();
    applyMask(grid, mask);
    drawFormatBits(grid, level, mask);
    const score = penalty(grid);
    if (score < bestScore) {
      best = grid;
      bestScore = score;
    }
  }
  return best && { size: best.size, cells: best.dark };
}
