interface PrinterChoice {
  id: string;
  name: string;
}

/**
 * The printers to choose from, by name. `defaultLabel` offers "the default printer" first (an
 * empty value); `current` keeps a printer the list no longer has (a job's own, since removed)
 * choosable, so the select never shows a value it has no option for.
 */
export function PrinterSelect({
  printers,
  value,
  onChange,
  defaultLabel,
  current,
}: {
  printers: readonly PrinterChoice[];
  value: string;
  onChange: (printerId: string) => void;
  defaultLabel?: string;
  current?: PrinterChoice;
}) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)}>
      {defaultLabel !== undefined && <option value="">{defaultLabel}</option>}
      {current && !printers.some((p) => p.id === current.id) && <option value={current.id}>{current.name}</option>}
      {printers.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  );
}
