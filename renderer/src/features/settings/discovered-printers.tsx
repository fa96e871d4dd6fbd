import { useTranslation } from 'react-i18next';
import type { DiscoveredPrinter, PrinterProfileInput } from '../../../../electron/shared/printer-profile.ts';
import { kindOf } from './printer-kinds.ts';

interface DiscoveredPrintersProps {
  found: readonly DiscoveredPrinter[];
  busy: boolean;
  /** Opens the printer form with this printer filled in. */
  onUse: (draft: PrinterProfileInput) => void;
  /** A USB printer without a queue: make it a raw queue first. */
  onAddUsb: (device: DiscoveredPrinter) => void;
}

/** What the OS knows: queues with make, model and connection, USB printers without a queue, the guessed language. */
export function DiscoveredPrinters({ found, busy, onUse, onAddUsb }: DiscoveredPrintersProps) {
  const { t } = useTranslation();
  return (
    <div className="discovered">
      <h3>{t('printers.found')}</h3>
      {found.length === 0 && <p className="empty">{t('printers.noneFound')}</p>}
      <ul className="printer-list">
        {found.map((d) => (
          <li key={d.uri}>
            <strong>{d.name}</strong>
            {d.makeAndModel && d.makeAndModel !== d.name && <span>{d.makeAndModel}</span>}
            <span className="mono muted">{d.connection ?? d.uri}</span>
            {d.guessedLanguage && <span className="muted">{t('printers.guess', { language: d.guessedLanguage.toUpperCase() })}</span>}
            {d.kind === 'usb-device' ? (
              <>
                <span className="muted">{t('printers.noQueue')}</span>
                <button type="button" disabled={busy} onClick={() => onAddUsb(d)}>
                  {t('printers.addUsb', { language: (d.guessedLanguage ?? 'tspl').toUpperCase() })}
                </button>
              </>
            ) : (
              <>
                <span className={`badge printer-${d.status.state}`}>{t(`printers.state.${d.status.state}`)}</span>
                <span className="actions">
                  {(d.suggestedUris ?? [d.uri]).slice(0, 2).map((uri) => (
                    <button key={uri} type="button" onClick={() => onUse({ name: d.name.slice(0, 80), uri })}>
                      {t('printers.useAs', { kind: t(`printers.kinds.${kindOf(uri)}`) })}
                    </button>
                  ))}
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A CUPS queue name from a device's make and model: letters, digits, _ and - only. */
export function queueNameFor(device: DiscoveredPrinter): string {
  const base = (device.makeAndModel || device.name).replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
  return (base || 'LabelPrinter').slice(0, 60);
}
