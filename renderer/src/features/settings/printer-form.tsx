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
  const hint = (field: string) =>
    errors[field] ? (
      <span className="field-error" id={`printer-${field}-error`}>
        {t(`printers.errors.${field}`, { defaultValue: errors[field] })}
      </span>
    ) : null;
  const described = (field: string) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': `printer-${field}-error` } : {});

  return (
    <form className="form printer-form" onSubmit={submit} noValidate aria-label={initial.id ? t('printers.edit') : t('printers.add')}>
      <label>
        <span>{t('printers.name')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} {...described('name')} />
        {hint('name')}
      </label>
      <label>
        <span>{t('printers.uri')}</span>
        <input className="mono" value={uri} onChange={(e) => setUri(e.target.value)} placeholder="escpos://192.168.1.50:9100" spellCheck={false} {...described('uri')} />
        {hint('uri')}
      </label>
      <div className="row">
        <label>
          <span>{t('printers.template')}</span>
          <select value={template} onChange={(e) => setTemplate(e.target.value as LabelTemplateId)}>
            {labelTemplateIds.map((id) => (
              <option key={id} value={id}>
                {t(`templates.${id}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('printers.dpi')}</span>
          <select value={dpi} onChange={(e) => setDpi(e.target.value)}>
            {supportedDpis.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('printers.offsetX')}</span>
          <input type="number" step="0.1" value={offsetXmm} onChange={(e) => setOffsetX(e.target.value)} {...described('offsetXmm')} />
          {hint('offsetXmm')}
        </label>
        <label>
          <span>{t('printers.offsetY')}</span>
          <input type="number" step="0.1" value={offsetYmm} onChange={(e) => setOffsetY(e.target.value)} {...described('offsetYmm')} />
          {hint('offsetYmm')}
        </label>
        <label>
          <span>{t('printers.labelsPerJob')}</span>
          <input type="number" min={1} max={100} value={labelsPerJob} onChange={(e) => setLabelsPerJob(e.target.value)} {...described('labelsPerJob')} />
          {hint('labelsPerJob')}
        </label>
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
