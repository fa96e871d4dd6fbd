/**
 * Code 128 (ISO/IEC 15417) for AWBs, in code sets B and C: printable ASCII, with runs of digits
 * packed two per symbol. Hand-written because it is on every label's path: bwip-js's general
 * engine is slower and costs tens of MB of memory; it stays the fallback for anything else.
 */

/** Bar/space widths of symbol values 0–105 (start codes 103–105), from the standard's table. */
const patterns = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232',
];
const stopPattern = '2331112';
const startB = 104;
const startC = 105;
const codeB = 100;
const codeC = 99;

const isDigit = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
};

function digitRun(text: string, from: number): number {
  let end = from;
  while (end < text.length && isDigit(text, end)) end++;
  return end - from;
}

/** Symbol values (start, data, check) for text in sets B/C, or null when a character needs set A. */
export function code128Values(text: string): number[] | null {
  if (text.length === 0) return null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c > 126) return null;
  }
  // Set C pays off for a run of 4+ digits at either end, or 6+ in the middle (switching costs a symbol).
  const worthC = (from: number): boolean => {
    const run = digitRun(text, from);
    return run >= 6 || (run >= 4 && (from === 0 || from + run === text.length)) || (run >= 2 && run === text.length);
  };
  const values: number[] = [];
  let inC = worthC(0);
  values.push(inC ? startC : startB);
  let i = 0;
  while (i < text.length) {
    if (inC) {
      if (digitRun(text, i) >= 2) {
        values.push(Number(text.slice(i, i + 2)));
        i += 2;
        continue;
      }
      values.push(codeB);
      inC = false;
    }
    const run = digitRun(text, i);
    if (worthC(i) && run % 2 === 0) {
      values.push(codeC);
      inC = true;
      continue;
    }
    values.push(text.charCodeAt(i) - 32);
    i++;
  }
  const check = values.reduce((sum, v, pos) => sum + v * Math.max(1, pos), 0) % 103;
  values.push(check);
  return values;
}

/** Bar and space widths in modules, starting with a bar, stop pattern included; null if not encodable here. */
export function encodeCode128(text: string): number[] | null {
  const values = code128Values(text);
  if (!values) return null;
  const widths: number[] = [];
  for (const value of values) for (const w of patterns[value] ?? '') widths.push(Number(w));
  for (const w of stopPattern) widths.push(Number(w));
  return widths;
}
