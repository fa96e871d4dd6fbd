import type { ReactNode } from 'react';

interface FieldProps {
  /** The input's id: the label points at it, the error hint is `${id}-error`. */
  id: string;
  label: string;
  error?: string | null;
  children: ReactNode;
}

/** A labelled input with its validation message beside it (outside the label, so the name stays short). */
export function Field({ id, label, error, children }: FieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

/** The attributes an input needs when its field has an error. */
export function invalidProps(id: string, error: string | null | undefined): Record<string, string | boolean> {
  return error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};
}

/** A control in a view's toolbar, named by the short text before it. */
export function InlineField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="inline">
      <span>{label}</span>
      {children}
    </label>
  );
}
