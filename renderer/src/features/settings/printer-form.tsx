import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  defaultPrinterMedia,
  labelTemplateIds,
  printerProfileInputSchema,
  supportedDpis,
  type LabelTemplateId,
  type PrinterProfileInput,
} from '../../../../electron/shared/printer-profile.ts';
import { ErrorNote } from '../../components/error-note.tsx';
import { Field, invalidProps } from '../../components/field.tsx';
import { useStation } from '../../station-context.tsx';
import { fieldErrors } from './field-errors.ts';
import { PrinterAddressFields } from './printer-address-fields.tsx';
import { kindOf, takesMedia } from './printer-kinds.ts';
import { PrinterMediaFields, type MediaDraft } from './printer-media-fields.tsx';

const optionalNumber = (text: string): number | null => (text.trim() === '' ? null : Number(text));

function mediaDraft(initial: PrinterProfileInput): MediaDraft {
  const media = initial.media ?? defaultPrinterMedia;
  return {
    sensor: media.sensor,
    gapMm: String(media.gapMm),
    offsetMm: String(media.offsetMm),
    speedIps: media.speedIps === null ? '' : String(media.speedIps),
    darkness: initial.darkness === null || initial.darkness === undefined ? '' : String(initial.darkness),
  };
}

interface PrinterFormProps {
  initial: PrinterProfileInput;
  onSaved: () => void;
  onCancel: () => void;
}

/** Adds a printer or edits one's profile: its kind and place, the template, dpi, offsets and its labels. */
export function PrinterForm({ initial, onSaved, onCancel }: PrinterFormProps) {
  const { t } = useTranslation();
  const api = useStation();
  const [name, setName] = useState(initial.name);
  const [uri, setUri] = useState(initial.uri);
  const [template, setTemplate] = useState<LabelTemplateId>(initial.template ?? '100x150');
  const [dpi, setDpi] = useState(String(initial.dpi ?? 203));
  const [offsetXmm, setOffsetX] = useState(String(initial.offsetXmm ?? 0));
  const [offsetYmm, setOffsetY] = useState(String(initial.offsetYmm ?? 0));
  const [labelsPerJob, setLabelsPerJob] = useState(String(initial.labelsPerJob ?? 5));
  const [media, setMedia] = useState<MediaDraft>(() => mediaDraft(initial));
  const [pickListFirst, setPickListFirst] = useState(initial.pickListFirst ?? false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<Error | undefined>(undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaveError(undefined);
    const withMedia = takesMedia(kindOf(uri));
    const input = {
      ...(initial.id ? { id: initial.id } : {}),
      name: name.trim(),
      uri: uri.trim(),
      template,
      dpi: Number(dpi),
      offsetXmm: Number(offsetXmm),
      offsetYmm: Number(offsetYmm),
      darkness: withMedia ? optionalNumber(media.darkness) : (initial.darkness ?? null),
      labelsPerJob: Number(labelsPerJob),
      pickListFirst,
      ...(withMedia
        ? { media: { sensor: media.sensor, gapMm: Number(media.gapMm), offsetMm: Number(media.offsetMm), speedIps: optionalNumber(media.speedIps) } }
        : initial.media ? { media: initial.media } : {}),
    };
    const checked = printerProfileInputSchema.safeParse(input);
    if (!checked.success) {
      setErrors(fieldErrors(checked.error, ['media']));
      return;
    }
    setErrors({});
    api.savePrinter(checked.data).then(onSaved, (error: unknown) => setSaveError(error instanceof Error ? error : new Error(String(error))));
  };
  const error = (field: string) => (errors[field] ? t(`printers.errors.${field}`, { defaultValue: errors[field] }) : null);
  const invalid = (field: string) => invalidProps(`printer-${field}`, errors[field]);

  return (
    <form className="form printer-form" onSubmit={submit} noValidate aria-label={initial.id ? t('printers.edit') : t('printers.add')}>
      <Field id="printer-name" label={t('printers.name')} error={error('name')}>
        <input id="printer-name" value={name} onChange={(e) => setName(e.target.value)} {...invalid('name')} />
      </Field>
      <PrinterAddressFields uri={uri} onUri={setUri} error={error('uri')} />
      <div className="row">
        <Field id="printer-template" label={t('printers.template')}>
          <select id="printer-template" value={template} onChange={(e) => setTemplate(e.target.value as LabelTemplateId)}>
            {labelTemplateIds.map((id) => (
              <option key={id} value={id}>
                {t(`templates.${id}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="printer-dpi" label={t('printers.dpi')}>
          <select id="printer-dpi" value={dpi} onChange={(e) => setDpi(e.target.value)}>
            {supportedDpis.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </Field>
        <Field id="printer-offsetXmm" label={t('printers.offsetX')} error={error('offsetXmm')}>
          <input id="printer-offsetXmm" type="number" step="0.1" value={offsetXmm} onChange={(e) => setOffsetX(e.target.value)} {...invalid('offsetXmm')} />
        </Field>
        <Field id="printer-offsetYmm" label={t('printers.offsetY')} error={error('offsetYmm')}>
          <input id="printer-offsetYmm" type="number" step="0.1" value={offsetYmm} onChange={(e) => setOffsetY(e.target.value)} {...invalid('offsetYmm')} />
        </Field>
        <Field id="printer-labelsPerJob" label={t('printers.labelsPerJob')} error={error('labelsPerJob')}>
          <input id="printer-labelsPerJob" type="number" min={1} max={100} value={labelsPerJob} onChange={(e) => setLabelsPerJob(e.target.value)} {...invalid('labelsPerJob')} />
        </Field>
      </div>
      <label className="check">
        <input type="checkbox" checked={pickListFirst} onChange={(e) => setPickListFirst(e.target.checked)} />
        <span>{t('desk.printers.pickListFirst')}</span>
      </label>
      {takesMedia(kindOf(uri)) && <PrinterMediaFields draft={media} onChange={setMedia} error={error} />}
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <ErrorNote error={saveError} what={t('printers.saveFailed')} />
    </form>
  );
}
