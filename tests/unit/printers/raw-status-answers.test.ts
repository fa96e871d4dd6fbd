import { describe, expect, it } from 'vitest';
import { rawProtocolDrivers } from '../../../electron/core/printers/raw/raw-protocols.ts';

const parse = (language: 'escpos' | 'tspl' | 'zpl', answer: Buffer | string) =>
  rawProtocolDrivers[language].status?.parse(typeof answer === 'string' ? Buffer.from(answer, 'latin1') : answer);

const goodZpl = '\x02030,0,0,1218,000,0,0,0,000,0,0,0\x03\r\n\x02000,0,0,0,0,2,4,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n';

describe('status answers: a good one reads as ready, a partial one waits, garbage is never ready', () => {
  it('ESC/POS DLE EOT: three bytes with the fixed bits', () => {
    expect(parse('escpos', Buffer.from([0x12, 0x12, 0x12]))).toEqual({ problem: null });
    expect(parse('escpos', Buffer.from([0x12]))).toBeUndefined();
    expect(parse('escpos', Buffer.from([0x12, 0x32, 0x12]))).toMatchObject({ problem: 'paper-out' });
    for (const garbage of [Buffer.from('OK'), Buffer.from([0x00, 0x00, 0x00]), Buffer.alloc(3, 0xff), Buffer.from([0x12, 0x12, 0x12, 0x12])]) {
      expect(parse('escpos', garbage)).toMatchObject({ problem: 'offline', message: expect.stringMatching(/do not read as ESC\/POS status/) });
    }
  });

  it('TSPL <ESC>!?: exactly one byte; more is not an answer', () => {
    expect(parse('tspl', Buffer.from([0x00]))).toEqual({ problem: null });
    expect(parse('tspl', Buffer.from([0x20]))).toEqual({ problem: null });
    expect(parse('tspl', Buffer.from([0x40]))).toMatchObject({ problem: 'paper-out', message: 'its cover is open: close it' });
    expect(parse('tspl', Buffer.alloc(0))).toBeUndefined();
    expect(parse('tspl', '\x00\x00')).toMatchObject({ problem: 'offline', message: expect.stringMatching(/do not read as TSPL status \(00 00\)/) });
    expect(parse('tspl', 'HELLO')).toMatchObject({ problem: 'offline' });
  });

  it('ZPL ~HS: framed numbers, enough of them', () => {
    expect(parse('zpl', goodZpl)).toEqual({ problem: null });
    expect(parse('zpl', goodZpl.slice(0, 20))).toBeUndefined();
    expect(parse('zpl', '\r\n')).toBeUndefined();
    for (const garbage of ['OK\r\n', '\x02\x03\x02\x03', '\x02a,b,c\x03\x02d,e,f,g\x03', '\x021,2\x03\x021,2,3,4\x03', 'x'.repeat(300), `${goodZpl}${'\x020\x03'.repeat(80)}`]) {
      expect(parse('zpl', garbage)).toMatchObject({ problem: 'offline', message: expect.stringMatching(/do not read as ZPL status/) });
    }
  });

  it('a flood of bytes is reported with a short excerpt, not echoed whole', () => {
    const answer = parse('zpl', Buffer.alloc(4096, 0x41));
    expect(answer).toMatchObject({ problem: 'offline' });
    expect(answer?.problem === null ? '' : answer?.message).toMatch(/\(41 41 41 41 41 41 41 41 41 41 41 41 …\)/);
  });
});
