import type koffiModule from 'koffi';
import { z } from 'zod';
import { WinspoolCallError, winError, type PrinterHandle, type Winspool, type WinspoolPrinter } from './winspool-api.ts';

/**
 * winspool.drv through koffi, an FFI library whose prebuilt N-API binaries install from npm and
 * load in Node and Electron alike, without a rebuild. Loaded only on Windows, on first use.
 * Untried on a real Windows machine: the calls follow "Sending Data Directly to a Printer".
 */

const jobInfoSchema = z.object({ Status: z.number(), pStatus: z.string().nullable() });
const printerInfoSchema = z.object({
  pPrinterName: z.string().nullable(),
  pPortName: z.string().nullable(),
  pDriverName: z.string().nullable(),
  Status: z.number(),
  Attributes: z.number(),
});

const PRINTER_ENUM_LOCAL = 0x2;
const PRINTER_ENUM_CONNECTIONS = 0x4;
const JOB_CONTROL_DELETE = 5;

interface KoffiHandle extends PrinterHandle {
  readonly pointer: unknown;
}

type Koffi = typeof koffiModule;

/** The spooler's functions and the structures they fill, bound once. */
function bindWinspool(koffi: Koffi) {
  const lib = koffi.load('winspool.drv');
  const kernel32 = koffi.load('kernel32.dll');
  const HANDLE = koffi.pointer('HANDLE', koffi.opaque());
  const DOC_INFO_1W = koffi.struct('DOC_INFO_1W', { pDocName: 'str16', pOutputFile: 'str16', pDatatype: 'str16' });
  const SYSTEMTIME = koffi.struct('SYSTEMTIME', { wYear: 'uint16', wMonth: 'uint16', wDayOfWeek: 'uint16', wDay: 'uint16', wHour: 'uint16', wMinute: 'uint16', wSecond: 'uint16', wMilliseconds: 'uint16' });
  const JOB_INFO_1W = koffi.struct('JOB_INFO_1W', {
    JobId: 'uint32', pPrinterName: 'str16', pMachineName: 'str16', pUserName: 'str16', pDocument: 'str16', pDatatype: 'str16', pStatus: 'str16',
    Status: 'uint32', Priority: 'uint32', Position: 'uint32', TotalPages: 'uint32', PagesPrinted: 'uint32', Submitted: SYSTEMTIME,
  });
  const PRINTER_INFO_2W = koffi.struct('PRINTER_INFO_2W', {
    pServerName: 'str16', pPrinterName: 'str16', pShareName: 'str16', pPortName: 'str16', pDriverName: 'str16', pComment: 'str16', pLocation: 'str16',
    pDevMode: 'void *', pSepFile: 'str16', pPrintProcessor: 'str16', pDatatype: 'str16', pParameters: 'str16', pSecurityDescriptor: 'void *',
    Attributes: 'uint32', Priority: 'uint32', DefaultPriority: 'uint32', StartTime: 'uint32', UntilTime: 'uint32', Status: 'uint32', cJobs: 'uint32', AveragePPM: 'uint32',
  });
  const dword = koffi.out(koffi.pointer('uint32'));
  const call = {
    GetLastError: kernel32.func('__stdcall', 'GetLastError', 'uint32', []),
    OpenPrinterW: lib.func('__stdcall', 'OpenPrinterW', 'bool', ['str16', koffi.out(koffi.pointer(HANDLE)), 'void *']),
    ClosePrinter: lib.func('__stdcall', 'ClosePrinter', 'bool', [HANDLE]),
    StartDocPrinterW: lib.func('__stdcall', 'StartDocPrinterW', 'uint32', [HANDLE, 'uint32', koffi.pointer(DOC_INFO_1W)]),
    StartPagePrinter: lib.func('__stdcall', 'StartPagePrinter', 'bool', [HANDLE]),
    WritePrinter: lib.func('__stdcall', 'WritePrinter', 'bool', [HANDLE, 'void *', 'uint32', dword]),
    EndPagePrinter: lib.func('__stdcall', 'EndPagePrinter', 'bool', [HANDLE]),
    EndDocPrinter: lib.func('__stdcall', 'EndDocPrinter', 'bool', [HANDLE]),
    GetJobW: lib.func('__stdcall', 'GetJobW', 'bool', [HANDLE, 'uint32', 'uint32', 'void *', 'uint32', dword]),
    SetJobW: lib.func('__stdcall', 'SetJobW', 'bool', [HANDLE, 'uint32', 'uint32', 'void *', 'uint32']),
    GetPrinterW: lib.func('__stdcall', 'GetPrinterW', 'bool', [HANDLE, 'uint32', 'void *', 'uint32', dword]),
    EnumPrintersW: lib.func('__stdcall', 'EnumPrintersW', 'bool', ['uint32', 'str16', 'uint32', 'void *', 'uint32', dword, dword]),
  };

  return { call, JOB_INFO_1W, PRINTER_INFO_2W };
}

export async function loadWinspool(): Promise<Winspool> {
  const koffi = (await import('koffi')).default;
  const { call, JOB_INFO_1W, PRINTER_INFO_2W } = bindWinspool(koffi);
  const fail = (name: string): never => {
    throw new WinspoolCallError(name, Number(call.GetLastError()));
  };
  const pointerOf = (handle: PrinterHandle): unknown => (handle as KoffiHandle).pointer;
  const check = (name: string, ok: unknown): void => {
    if (ok !== true) fail(name);
  };
  /** The two-call pattern of GetJob/GetPrinter/EnumPrinters: ask the size, then fill a buffer that big. */
  const sized = (name: string, fill: (buffer: Buffer | null, size: number, needed: number[]) => unknown): Buffer | undefined => {
    const needed = [0];
    if (fill(null, 0, needed) !== true) {
      const code = Number(call.GetLastError());
      if (code === winError.invalidParameter) return undefined;
      if (code !== 122 /* ERROR_INSUFFICIENT_BUFFER */) throw new WinspoolCallError(name, code);
    }
    const buffer = Buffer.alloc(needed[0] ?? 0);
    check(name, fill(buffer, buffer.length, needed));
    return buffer;
  };
  const toPrinter = (raw: unknown): WinspoolPrinter => {
    const info = printerInfoSchema.parse(raw);
    return { name: info.pPrinterName ?? '', port: info.pPortName ?? '', driver: info.pDriverName ?? '', status: info.Status, attributes: info.Attributes };
  };

  return {
    openPrinter(name) {
      const out: unknown[] = [null];
      check('OpenPrinterW', call.OpenPrinterW(name, out, null));
      const handle: KoffiHandle = { printer: name, pointer: out[0] };
      return handle;
    },
    closePrinter: (handle) => check('ClosePrinter', call.ClosePrinter(pointerOf(handle))),
    startDocPrinter(handle, docName, datatype) {
      const jobId = Number(call.StartDocPrinterW(pointerOf(handle), 1, { pDocName: docName, pOutputFile: null, pDatatype: datatype }));
      if (jobId === 0) fail('StartDocPrinterW');
      return jobId;
    },
    startPagePrinter: (handle) => check('StartPagePrinter', call.StartPagePrinter(pointerOf(handle))),
    writePrinter(handle, bytes) {
      const written = [0];
      check('WritePrinter', call.WritePrinter(pointerOf(handle), bytes, bytes.length, written));
      return written[0] ?? 0;
    },
    endPagePrinter: (handle) => check('EndPagePrinter', call.EndPagePrinter(pointerOf(handle))),
    endDocPrinter: (handle) => check('EndDocPrinter', call.EndDocPrinter(pointerOf(handle))),
    getJob(handle, jobId) {
      const buffer = sized('GetJobW', (b, size, needed) => call.GetJobW(pointerOf(handle), jobId, 1, b, size, needed));
      if (buffer === undefined) return undefined;
      const info = jobInfoSchema.parse(koffi.decode(buffer, JOB_INFO_1W));
      return { status: info.Status, statusText: info.pStatus };
    },
    deleteJob: (handle, jobId) => check('SetJobW', call.SetJobW(pointerOf(handle), jobId, 0, null, JOB_CONTROL_DELETE)),
    getPrinter(handle) {
      const buffer = sized('GetPrinterW', (b, size, needed) => call.GetPrinterW(pointerOf(handle), 2, b, size, needed));
      if (buffer === undefined) throw new WinspoolCallError('GetPrinterW', winError.invalidPrinterName);
      return toPrinter(koffi.decode(buffer, PRINTER_INFO_2W));
    },
    enumPrinters() {
      const count = [0];
      const flags = PRINTER_ENUM_LOCAL | PRINTER_ENUM_CONNECTIONS;
      const buffer = sized('EnumPrintersW', (b, size, needed) => call.EnumPrintersW(flags, null, 2, b, size, needed, count));
      if (buffer === undefined || (count[0] ?? 0) === 0) return [];
      return z.array(z.unknown()).parse(koffi.decode(buffer, PRINTER_INFO_2W, count[0] ?? 0)).map(toPrinter);
    },
  };
}
