import type { PrinterProblemCode } from '../printer-errors.ts';
import type { MonoBitmap } from '../../labels/label-types.ts';
import type { PrinterProfile } from '../../../shared/printer-profile.ts';
import type { RawProtocol } from '../printer-uri.ts';
import { encodeEscPosLabel, escposInit, escposStatusQuery, parseEscPosStatus } from './escpos-encoder.ts';
import { encodeTsplLabel, parseTsplStatus, tsplStatusQuery } from './tspl-encoder.ts';
import { encodeZplLabel, parseZplStatus, zplStatusQuery } from './zpl-encoder.ts';

/**
 * What a printer's own status answer means for the labels: fine, or why it cannot print;
 * `code` names the paper-side problem when the printer says more than "no paper".
 */
export type RawCondition = { problem: null } | { problem: 'offline' | 'paper-out' | 'stopped'; message: string; code?: PrinterProblemCode };

/** One printer language: how a job is written and, where the language has one, how to ask its status. */
export interface RawProtocolDriver {
  /** Human name for messages. */
  language: string;
  encodeJob(labels: readonly MonoBitmap[], profile: PrinterProfile): Buffer;
  status?: RawStatusQuery;
}

/** A language's status query and how to read its answer: undefined while it is incomplete. */
export interface RawStatusQuery {
  question: Buffer;
  parse(answer: Buffer): RawCondition | undefined;
}

const ready: RawCondition = { problem: null };

/**
 * An answer that cannot be this language's status: not a good status, not a reason to crash.
 * Most often the URI names the wrong language, or another device listens on that port.
 */
function garbled(language: string, answer: Buffer): RawCondition {
  const excerpt = answer.subarray(0, 12).toString('hex').replace(/(..)(?!$)/g, '$1 ');
  return {
    problem: 'offline',
    message: `it answers its status query with bytes that do not read as ${language} status (${excerpt}${answer.length > 12 ? ' …' : ''}): check that the printer speaks the language its URI names (escpos://, tspl:// or zpl://)`,
  };
}

/** DLE EOT answers have bits 1 and 4 always on and bits 0 and 7 always off. */
const escposFixedBits = (byte: number): boolean => (byte & 0x93) === 0x12;
const escposAnswerBytes = 3;
/** `<ESC>!?` is answered with exactly one byte; every value of it is meaningful. */
const tsplAnswerBytes = 1;
/** Bit 6 of the `<ESC>!?` byte, on models with a cover sensor. */
const tsplCoverOpenBit = 0x40;
/** `~HS` answers are STX…ETX frames of comma-separated numbers, with line breaks between. */
const stx = '\x02';
const etx = '\x03';
const zplMostAnswerBytes = 256;

/** Whether the `~HS` answer so far can be one: numbers in frames, and enough of them to read. */
function zplAnswerFits(answer: Buffer): boolean {
  if (answer.length > zplMostAnswerBytes) return false;
  const text = answer.toString('latin1');
  const fields: number[] = [];
  for (let at = 0; at < text.length; ) {
    if (text[at] === '\r' || text[at] === '\n') {
      at++;
      continue;
    }
    if (text[at] !== stx) return false;
    const end = text.indexOf(etx, at + 1);
    const body = text.slice(at + 1, end < 0 ? undefined : end);
    if (end < 0) return /^[\d,]*$/.test(body);
    if (!/^\d+(,\d+)*$/.test(body)) return false;
    fields.push(body.split(',').length);
    at = end + 1;
  }
  const [first, second] = fields;
  return (first === undefined || first >= 3) && (second === undefined || second >= 4);
}

const escpos: RawProtocolDriver = {
  language: 'ESC/POS',
  encodeJob: (labels) => Buffer.concat([escposInit, ...labels.map(encodeEscPosLabel)]),
  status: {
    question: escposStatusQuery,
    parse(answer) {
      if (answer.length > escposAnswerBytes || !answer.every(escposFixedBits)) return garbled('ESC/POS', answer);
      const status = parseEscPosStatus(answer);
      if (status === undefined) return undefined;
      if (((answer[0] ?? 0) & tsplCoverOpenBit) !== 0) return { problem: 'paper-out', message: 'its cover is open: close it', code: 'printer-cover-open' };
      if (status.paperOut) return { problem: 'paper-out', message: 'it is out of paper: load a new roll' };
      if (status.error) return { problem: 'stopped', message: 'it reports an error (cutter jam or overheating): clear it and switch it off and on' };
      if (status.offline) return { problem: 'stopped', message: 'it is offline (paper feed button held, or in an error state)' };
      return ready;
    },
  },
};

const tspl: RawProtocolDriver = {
  language: 'TSPL',
  encodeJob: (labels, profile) =>
    Buffer.concat(labels.map((label) => encodeTsplLabel(label, { dpi: profile.dpi, darkness: profile.darkness, media: profile.media }))),
  status: {
    question: tsplStatusQuery,
    parse(answer) {
      if (answer.length > tsplAnswerBytes) return garbled('TSPL', answer);
      const status = parseTsplStatus(answer);
      if (status === undefined) return undefined;
      if (status.headOpen) return { problem: 'paper-out', message: 'its print head is open: close it', code: 'printer-head-open' };
      if (((answer[0] ?? 0) & tsplCoverOpenBit) !== 0) return { problem: 'paper-out', message: 'its cover is open: close it', code: 'printer-cover-open' };
      if (status.paperJam) return { problem: 'paper-out', message: 'labels are jammed: open it and clear the label path', code: 'printer-paper-jam' };
      if (status.paperOut) return { problem: 'paper-out', message: 'it is out of labels: load a new roll' };
      if (status.ribbonOut) return { problem: 'paper-out', message: 'it is out of ribbon: load a new ribbon', code: 'printer-ribbon-out' };
      if (status.paused) return { problem: 'stopped', message: 'it is paused: press its feed/pause button to resume' };
      if (status.otherError) return { problem: 'stopped', message: 'it reports an error: switch it off and on' };
      return ready;
    },
  },
};

const zpl: RawProtocolDriver = {
  language: 'ZPL',
  encodeJob: (labels, profile) => Buffer.concat(labels.map((label) => encodeZplLabel(label, profile.darkness, { media: profile.media, dpi: profile.dpi }))),
  status: {
    question: zplStatusQuery,
    parse(answer) {
      if (!zplAnswerFits(answer)) return garbled('ZPL', answer);
      const status = parseZplStatus(answer);
      if (status === undefined) return undefined;
      if (status.headOpen) return { problem: 'paper-out', message: 'its print head is open: close it', code: 'printer-head-open' };
      if (status.paperOut) return { problem: 'paper-out', message: 'it is out of labels: load a new roll' };
      if (status.ribbonOut) return { problem: 'paper-out', message: 'it is out of ribbon: load a new ribbon', code: 'printer-ribbon-out' };
      if (status.paused) return { problem: 'stopped', message: 'it is paused: press its pause button to resume' };
      return ready;
    },
  },
};

export const rawProtocolDrivers: Record<RawProtocol, RawProtocolDriver> = { escpos, tspl, zpl };
