/**
 * One column heading: its text, `num` to right-align figures, `hidden` for a column of buttons or
 * checkboxes whose heading only screen readers need.
 */
export type Column = string | { label: string; num?: boolean; hidden?: boolean };

/** The header row of a data table. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          const { label, num = false, hidden = false } = typeof column === 'string' ? { label: column } : column;
          return (
            <th key={label} className={num ? 'num' : undefined}>
              {hidden ? <span className="sr-only">{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
