import { useTranslation } from 'react-i18next';
import { Field, invalidProps } from '../../components/field.tsx';
import { buildUri, kindOf, partsOf, printerKinds, type PrinterKind, type UriParts } from './printer-kinds.ts';

interface AddressFieldsProps {
  uri: string;
  onUri: (uri: string) => void;
  error: string | null;
}

/** Where the printer is: a kind in plain words and what that kind needs; the URI below for experts. */
export function PrinterAddressFields({ uri, onUri, error }: AddressFieldsProps) {
  const { t } = useTranslation();
  const kind = kindOf(uri);
  const parts = partsOf(uri);
  const setPart = (part: keyof UriParts, value: string) => onUri(buildUri(kind, { ...parts, [part]: value }, uri));
  const setKind = (next: PrinterKind) => onUri(buildUri(next, parts, uri));

  return (
    <>
      <Field id="printer-kind" label={t('printers.kind')}>
        <select id="printer-kind" value={kind} onChange={(e) => setKind(e.target.value as PrinterKind)}>
          {printerKinds.map((k) => (
            <option key={k} value={k}>
              {t(`printers.kinds.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <div className="row">
        {(kind.endsWith('-usb') || kind === 'system') && (
          <Field id="printer-queue" label={t('printers.queue')}>
            <input id="printer-queue" value={parts.queue} onChange={(e) => setPart('queue', e.target.value)} spellCheck={false} />
          </Field>
        )}
        {kind.endsWith('-net') && (
          <>
            <Field id="printer-host" label={t('printers.host')}>
              <input id="printer-host" value={parts.host} onChange={(e) => setPart('host', e.target.value.trim())} placeholder="192.168.1.50" spellCheck={false} />
            </Field>
            <Field id="printer-port" label={t('printers.port')}>
              <input id="printer-port" inputMode="numeric" value={parts.port} onChange={(e) => setPart('port', e.target.value.replace(/\D/g, ''))} />
            </Field>
          </>
        )}
        {kind === 'pdf-dir' && (
          <Field id="printer-folder" label={t('printers.folder')}>
            <input id="printer-folder" value={parts.folder} onChange={(e) => setPart('folder', e.target.value)} spellCheck={false} />
          </Field>
        )}
      </div>
      <Field id="printer-uri" label={t('printers.uri')} error={error}>
        <input id="printer-uri" className="mono" value={uri} onChange={(e) => onUri(e.target.value)} placeholder="tspl+system:XP-420B" spellCheck={false} {...invalidProps('printer-uri', error)} />
      </Field>
    </>
  );
}
