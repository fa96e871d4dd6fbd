import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
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

interface PrinterFormProps {
  initial: PrinterProfileInput;
  onSaved: () => void;
  onCancel: () => void;
}

/** Adds a printer or edits one's profile: where it is, the template, dpi and calibration offsets. */
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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<Error | undefined>(undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaveError(undefined);
    const input = {
      ...(initial.id ? { id: initial.id } : {}),
      name: name.trim(),
      uri: uri.trim(),
      template,
      dpi: Number(dpi),
      offsetXmm: Number(offsetXmm),
      offsetYmm: Number(offsetYmm),
      darkness: initial.darkness ?? null,
      labelsPerJob: Number(labelsPerJob),
    };
    const checked = printerProfileInputSchema.safeParse(input);
    if (!checked.success) {
      setErrors(fieldErrors(checked.error));
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
      <Field id="printer-uri" label={t('printers.uri')} error={error('uri')}>
        <input id="printer-uri" className="mono" value={uri} onChange={(e) => setUri(e.target.value)} placeholder="escpos://192.168.1.50:9100" spellCheck={false} {...invalid('uri')} />
      </Field>
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
