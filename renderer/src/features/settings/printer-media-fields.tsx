import { useTranslation } from 'react-i18next';
import { mediaSensorSchema, type MediaSensor } from '../../../../electron/shared/printer-profile.ts';
import { Field, invalidProps } from '../../components/field.tsx';

/** The medium as the form edits it: text, as typed; empty speed or darkness = the printer's own. */
export interface MediaDraft {
  sensor: MediaSensor;
  gapMm: string;
  offsetMm: string;
  speedIps: string;
  darkness: string;
}

interface MediaFieldsProps {
  draft: MediaDraft;
  onChange: (draft: MediaDraft) => void;
  error: (field: string) => string | null;
}

/** The loaded labels (gap, black mark or roll), print speed and darkness of a TSPL or ZPL printer. */
export function PrinterMediaFields({ draft, onChange, error }: MediaFieldsProps) {
  const { t } = useTranslation();
  const set = (field: keyof MediaDraft, value: string) => onChange({ ...draft, [field]: value });
  const number = (field: 'gapMm' | 'offsetMm' | 'speedIps' | 'darkness', step: string, placeholder?: string) => (
    <Field id={`printer-${field}`} label={t(`printers.media.${field}`)} error={error(field)}>
      <input
        id={`printer-${field}`}
        type="number"
        step={step}
        value={draft[field]}
        placeholder={placeholder}
        onChange={(e) => set(field, e.target.value)}
        {...invalidProps(`printer-${field}`, error(field))}
      />
    </Field>
  );
  return (
    <fieldset className="row">
      <legend>{t('printers.media.title')}</legend>
      <Field id="printer-sensor" label={t('printers.media.sensor')}>
        <select id="printer-sensor" value={draft.sensor} onChange={(e) => set('sensor', e.target.value)}>
          {mediaSensorSchema.options.map((sensor) => (
            <option key={sensor} value={sensor}>
              {t(`printers.media.sensors.${sensor}`)}
            </option>
          ))}
        </select>
      </Field>
      {draft.sensor !== 'continuous' && number('gapMm', '0.5')}
      {draft.sensor !== 'continuous' && number('offsetMm', '0.5')}
      {number('speedIps', '1', t('printers.media.printersOwn'))}
      {number('darkness', '1', t('printers.media.printersOwn'))}
    </fieldset>
  );
}
