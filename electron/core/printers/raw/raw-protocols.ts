import type { MonoBitmap } from '../../labels/label-types.ts';
import type { PrinterProfile } from '../../../shared/printer-profile.ts';
import type { RawProtocol } from '../printer-uri.ts';
import { encodeEscPosLabel, escposInit, escposStatusQuery, parseEscPosStatus } from './escpos-encoder.ts';
import { encodeTsplLabel, parseTsplStatus, tsplStatusQuery } from './tspl-encoder.ts';
import { encodeZplLabel, parseZplStatus, zplStatusQuery } from './zpl-encoder.ts';

/** What a printer's own status answer means for the labels: fine, or why it cannot print. */
export type RawCondition = { problem: null } | { problem: 'offline' | 'paper-out' | 'stopped'; message: string };

/** One printer language: how a job is written and, where the language has one, how to ask its status. */
export interface RawProtocolDriver {
  /** Human name for messages. */
  language: string;
  encodeJob(labels: readonly MonoBitmap[], profile: PrinterProfile): Buffer;
  status?: { question: Buffer; parse(answer: Buffer): RawCondition | undefined };
}

const ready: RawCondition = { problem: null };

const escpos: RawProtocolDriver = {
  language: 'ESC/POS',
  encodeJob: (labels) => Buffer.concat([escposInit, ...labels.map(encodeEscPosLabel)]),
  status: {
    question: escposStatusQuery,
    parse(answer) {
      const status = parseEscPosStatus(answer);
      if (status === undefined) return undefined;
      if (status.coverOpen) return { problem: 'paper-out', message: 'its cover is open: close it' };
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
      const status = parseTsplStatus(answer);
      if (status === undefined) return undefined;
      if (status.headOpen) return { problem: 'paper-out', message: 'its print head is open: close it' };
      if (status.paperJam) return { problem: 'paper-out', message: 'labels are jammed: open it and clear the label path' };
      if (status.paperOut) return { problem: 'paper-out', message: 'it is out of labels: load a new roll' };
      if (status.ribbonOut) return { problem: 'paper-out', message: 'it is out of ribbon: load a new ribbon' };
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
      const status = parseZplStatus(answer);
      if (status === undefined) return undefined;
      if (status.headOpen) return { problem: 'paper-out', message: 'its print head is open: close it' };
      if (status.paperOut) return { problem: 'paper-out', message: 'it is out of labels: load a new roll' };
      if (status.ribbonOut) return { problem: 'paper-out', message: 'it is out of ribbon: load a new ribbon' };
      if (status.paused) return { problem: 'stopped', message: 'it is paused: press its pause button to resume' };
      return ready;
    },
  },
};

export const rawProtocolDrivers: Record<RawProtocol, RawProtocolDriver> = { escpos, tspl, zpl };
