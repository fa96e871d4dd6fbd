import { describe, expect, it } from 'vitest';
import { parsePrinterUri } from '../../../electron/core/printers/printer-uri.ts';
import { printerProfileInputSchema, printerUriSchema } from '../../../electron/shared/printer-profile.ts';

const refusal = (uri: string): string => {
  const parsed = printerUriSchema.safeParse(uri);
  return parsed.success ? 'accepted' : (parsed.error.issues[0]?.message ?? '');
};

describe('printer URIs are checked whole when saved, by the rules the adapters read them with', () => {
  it('takes the forms a printer can have', () => {
    for (const uri of [
      'escpos://192.168.1.50', 'tspl://192.168.1.50:9100', 'zpl://printer.local:1', 'zpl://label-printer-2:65535/', 'escpos://[fe80::1%eth0]:9100',
      'escpos://[::1]', 'system:Zebra_ZD220', 'system:ZDesigner GK420d', 'system:\\\\server\\Label Printer', 'pdf-dir:/srv/hot folder', 'pdf-dir:C:\\Labels',
    ]) {
      expect(refusal(uri), uri).toBe('accepted');
    }
    expect(parsePrinterUri('escpos://[::1]:9101')).toEqual({ kind: 'escpos', host: '::1', port: 9101 });
    expect(parsePrinterUri(' tspl://10.0.0.7 ')).toEqual({ kind: 'tspl', host: '10.0.0.7', port: 9100 });
  });

  it.each([
    ['escpos://host:99999', /port 99999 is out of range 1–65535/],
    ['escpos://host:0', /port 0 is out of range/],
    ['tspl://host:abc', /port "abc" is not a number/],
    ['tspl://host:', /port "" is not a number/],
    ['zpl://host:9100/print', /takes only a host and a port/],
    ['zpl://host:9100?x=1', /takes only a host and a port/],
    ['zpl://host#frag', /takes only a host and a port/],
    ['zpl://user@host', /takes only a host and a port/],
    ['zpl://two words', /takes only a host and a port/],
    ['escpos://', /host\) is missing/],
    ['escpos://:9100', /host\) is missing/],
    ['escpos://192.168.1.300', /not an IPv4 address/],
    ['escpos://10.0.0', /not an IPv4 address/],
    ['escpos://-printer', /not a host name/],
    ['escpos://bad!name', /not a host name/],
    ['escpos://[zz::1]', /not an IPv6 address/],
    ['escpos://[::1', /takes only a host and a port/],
    ['system:', /needs the queue name/],
    ['system: Label', /starts or ends with a space/],
    ['system:Label\nPrinter', /control character/],
    [`system:${'q'.repeat(128)}`, /longer than 127/],
    ['pdf-dir:', /needs a folder/],
    ['pdf-dir:labels', /not a full path/],
    ['pdf-dir:/srv/\u0000labels', /control character/],
    ['ipp://host', /system:NAME/],
    ['lpt1', /system:NAME/],
  ])('%s is refused: %s', (uri, message) => {
    expect(refusal(uri)).toMatch(message);
    expect(() => parsePrinterUri(uri)).toThrow(message);
  });

  it('a profile with a bad URI is refused naming the field', () => {
    const parsed = printerProfileInputSchema.safeParse({ name: 'Desk', uri: 'escpos://host:99999' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['uri'], message: 'port 99999 is out of range 1–65535' });
  });
});
