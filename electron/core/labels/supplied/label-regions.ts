/** A part of a page as fractions of its width and height, from its top-left corner. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type FileLayout = 'auto' | 'single' | 'a4-2up' | 'a4-4up';

/** The explicit layouts: the page split into equal parts, read row by row. */
export function equalRegions(layout: Exclude<FileLayout, 'auto'>): Region[] {
  if (layout === 'single') return [{ x: 0, y: 0, width: 1, height: 1 }];
  if (layout === 'a4-2up') return [0, 1].map((r) => ({ x: 0, y: r / 2, width: 1, height: 0.5 }));
  return [0, 1, 2, 3].map((i) => ({ x: (i % 2) / 2, y: Math.floor(i / 2) / 2, width: 0.5, height: 0.5 }));
}

/** Grey levels darker than this count as ink when looking for labels on a page. */
const inkLevel = 160;

/** Max filter of radius r along one axis: `at(i, j)` is the index of step j on line i. */
function grow(src: Uint8Array, lines: number, steps: number, r: number, at: (line: number, step: number) => number): Uint8Array {
  const out = new Uint8Array(src.length);
  for (let line = 0; line < lines; line++) {
    let last = -Infinity;
    for (let step = 0; step < steps; step++) {
      if (src[at(line, step)]) last = step;
      if (step - last <= r) out[at(line, step)] = 1;
    }
    let next = Infinity;
    for (let step = steps - 1; step >= 0; step--) {
      if (src[at(line, step)]) next = step;
      if (next - step <= r) out[at(line, step)] = 1;
    }
  }
  return out;
}

/** Ink grown by r pixels every way (a square structuring element). */
function dilate(ink: Uint8Array, width: number, height: number, r: number): Uint8Array {
  const rows = grow(ink, height, width, r, (y, x) => y * width + x);
  return grow(rows, width, height, r, (x, y) => y * width + x);
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Pixels of the blob itself. */
  area: number;
}

/** Bounding boxes of the 4-connected blobs of `mask`. */
function blobs(mask: Uint8Array, width: number, height: number): Box[] {
  const seen = new Uint8Array(mask.length);
  const boxes: Box[] = [];
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    const box = { x0: width, y0: height, x1: 0, y1: 0, area: 0 };
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const at = stack.pop() ?? 0;
      const x = at % width;
      const y = (at - x) / width;
      box.area++;
      box.x0 = Math.min(box.x0, x);
      box.x1 = Math.max(box.x1, x);
      box.y0 = Math.min(box.y0, y);
      box.y1 = Math.max(box.y1, y);
      for (const n of [x > 0 ? at - 1 : -1, x < width - 1 ? at + 1 : -1, y > 0 ? at - width : -1, y < height - 1 ? at + width : -1]) {
        if (n >= 0 && mask[n] && !seen[n]) {
          seen[n] = 1;
          stack.push(n);
        }
      }
    }
    boxes.push(box);
  }
  return boxes;
}

const overlaps = (a: Box, b: Box, gap: number): boolean => a.x0 - gap <= b.x1 && b.x0 - gap <= a.x1 && a.y0 - gap <= b.y1 && b.y0 - gap <= a.y1;

/**
 * The labels on a page, read row by row: the page's ink, grown by 1.5 mm so each label's text and
 * bars join into one blob, split by the white space between labels. Cut lines and crop marks are
 * thin or sparse blobs and are dropped, as is anything smaller than 25 mm a side; what is left is padded by
 * 1 mm so no edge of a label is cut. No blob: the whole page.
 */
export function findLabelRegions(gray: Uint8Array, width: number, height: number, dpi: number): Region[] {
  const mm = dpi / 25.4;
  const ink = new Uint8Array(gray.length);
  for (let i = 0; i < gray.length; i++) ink[i] = (gray[i] ?? 255) < inkLevel ? 1 : 0;
  // Cut lines, even crossing the whole sheet, cover a few per cent of their box; a label far more.
  let boxes = blobs(dilate(ink, width, height, Math.max(1, Math.round(1.5 * mm))), width, height).filter(
    (b) => b.x1 - b.x0 >= 25 * mm && b.y1 - b.y0 >= 25 * mm && b.area / ((b.x1 - b.x0 + 1) * (b.y1 - b.y0 + 1)) > 0.06,
  );
  // Blobs inside or touching another (a logo beside its frame) belong to the same label.
  for (let merged = true; merged; ) {
    merged = false;
    outer: for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i] as Box;
        const b = boxes[j] as Box;
        if (overlaps(a, b, 0)) {
          boxes[i] = { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1), area: a.area + b.area };
          boxes = boxes.filter((_, k) => k !== j);
          merged = true;
          break outer;
        }
      }
    }
  }
  if (boxes.length === 0) return [{ x: 0, y: 0, width: 1, height: 1 }];
  const rowTolerance = 20 * mm;
  boxes.sort((a, b) => (Math.abs(a.y0 - b.y0) < rowTolerance ? a.x0 - b.x0 : a.y0 - b.y0));
  const pad = Math.round(mm);
  return boxes.map((b) => {
    const x0 = Math.max(0, b.x0 - pad);
    const y0 = Math.max(0, b.y0 - pad);
    const x1 = Math.min(width, b.x1 + 1 + pad);
    const y1 = Math.min(height, b.y1 + 1 + pad);
    return { x: x0 / width, y: y0 / height, width: (x1 - x0) / width, height: (y1 - y0) / height };
  });
}
