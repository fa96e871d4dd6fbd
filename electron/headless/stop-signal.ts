export interface StopSignal {
  /** Resolves at the first SIGTERM or SIGINT. */
  received: Promise<NodeJS.Signals>;
  /** Stops listening and lets the process end by itself again. */
  cancel(): void;
}

/**
 * Listens for SIGTERM and SIGINT, and until then keeps the process alive by itself: a station
 * whose polling is paused (token rejected, disk full) has no timer or socket left, and Node would
 * otherwise end with exit code 13 and no word, leaving its kiosk without a station.
 */
export function listenForStopSignal(): StopSignal {
  // Node keeps running while a ref'd timer exists; this one only holds the process open.
  const keepAlive = setInterval(() => undefined, 2 ** 31 - 1);
  let resolveSignal: (signal: NodeJS.Signals) => void = () => undefined;
  const received = new Promise<NodeJS.Signals>((resolve) => (resolveSignal = resolve));
  const cancel = (): void => {
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
    clearInterval(keepAlive);
  };
  function stop(signal: NodeJS.Signals): void {
    cancel();
    resolveSignal(signal);
  }
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return { received, cancel };
}
