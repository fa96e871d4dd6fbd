export const focusable = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * Remembers where the keyboard focus is now; `restore()` puts it back there after a dialog or an
 * action. When that control is gone or disabled (the row it was in changed, the printer was
 * removed), focus goes to the first usable control of the nearest part of the page still there,
 * so the operator never lands on the page's top with Tab starting over.
 */
export function captureFocus(doc: Document = document): { restore: (force?: boolean) => void } {
  const origin = doc.activeElement instanceof HTMLElement && doc.activeElement !== doc.body ? doc.activeElement : null;
  const chain: HTMLElement[] = [];
  for (let node = origin; node && node !== doc.body; node = node.parentElement) chain.push(node);
  const usable = (element: HTMLElement) => element.isConnected && element.matches(focusable);
  return {
    /** `force`: back to where it was even if focus is somewhere usable now (a panel that closed). */
    restore: (force = false) => {
      // Somewhere usable already (a control the operator chose, the next dialog): leave it there.
      const active = doc.activeElement;
      if (!force && active instanceof HTMLElement && active !== doc.body && active.isConnected && !active.matches(':disabled')) return;
      for (const element of chain) {
        if (usable(element)) return element.focus();
        if (!element.isConnected) continue;
        const inside = element.querySelector<HTMLElement>(focusable);
        if (inside) return inside.focus();
      }
    },
  };
}
