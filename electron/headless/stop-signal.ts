/**
 * Resolves at the first SIGTERM or SIGINT. Until then it keeps the process alive by itself: a
 * station whose polling is paused (token rejected, disk full) has no timer or socket left, and
 * Node would otherwise end with exit code 13 and no word, leaving its kiosk without a station.
 */
export function waitForStopSignal(): Promise<NodeJS.Signals> {
  // Node keeps running while a ref'd timer exists; this one only holds the process open.
  const keepAlive = setInterval(() => undefined, 2 ** 31 - 1);
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      clearInterval(keepAlive);
      resolve(signal);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
