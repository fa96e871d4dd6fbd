import { useEffect } from 'react';
import { captureFocus } from './focus-return.ts';

/**
 * Keeps the keyboard focus in place across actions: when the control that had it disappears or
 * is disabled (a printer removed, Retry gone once the job is queued, Print disabled while its job
 * runs), focus moves to the nearest usable control where it was instead of falling back to the
 * page's top. Dialogs put focus back themselves (ConfirmDialog).
 */
export function useFocusKeeper(): void {
  useEffect(() => {
    let last: { origin: HTMLElement; restore: () => void } | null = null;
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target;
      if (!(target instanceof HTMLElement) || target.closest('[role="dialog"]')) return;
      last = { origin: target, restore: captureFocus().restore };
    };
    const lost = (): boolean => {
      const active = document.activeElement;
      return !(active instanceof HTMLElement) || active === document.body || !active.isConnected || active.matches(':disabled');
    };
    const observer = new MutationObserver(() => {
      if (!last || !lost()) return;
      // Still there and usable: the operator moved away on purpose (clicked an empty spot).
      if (last.origin.isConnected && !last.origin.matches(':disabled')) return;
      last.restore();
    });
    document.addEventListener('focusin', onFocusIn);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      observer.disconnect();
    };
  }, []);
}
