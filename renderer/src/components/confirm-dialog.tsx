import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { captureFocus, focusable } from './focus-return.ts';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** A second answer besides Cancel and the confirmation (e.g. "only from now on"). */
  secondary?: { label: string; onClick: () => void } | undefined;
  /** While the question cannot be answered yet (nothing chosen in its body). */
  confirmDisabled?: boolean;
}

/**
 * A modal question. Focus starts on Cancel so a stray Enter never reprints; Tab stays inside the
 * dialog; Escape cancels; when it closes, focus goes back to where the operator was.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel, secondary, confirmDisabled = false }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const cancel = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = captureFocus();
    cancel.current?.focus();
    // After the close has rendered, so a control the answer removed or disabled is known.
    return () => void setTimeout(opener.restore, 0);
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onCancel();
    if (event.key !== 'Tab') return;
    // Every control of the dialog, a field in its body included, is reachable; none outside it.
    const controls = [...(dialog.current?.querySelectorAll<HTMLElement>(focusable) ?? [])];
    const [first, last] = [controls[0], controls[controls.length - 1]];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };
  return (
    <div className="dialog-backdrop" onKeyDown={onKeyDown}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="confirm-title" ref={dialog}>
        <h2 id="confirm-title">{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">
          <button type="button" ref={cancel} onClick={onCancel}>
            {t('common.cancel')}
          </button>
          {secondary && (
            <button type="button" onClick={secondary.onClick}>
              {secondary.label}
            </button>
          )}
          <button type="button" className="primary" disabled={confirmDisabled} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
