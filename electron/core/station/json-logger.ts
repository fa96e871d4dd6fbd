import type { StationLogger } from './station-options.ts';

/** A logger writing one JSON object per line: what a kiosk's log collector reads. */
export function createJsonLogger(write: (line: string) => void, now: () => number = Date.now): StationLogger {
  const line = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    write(`${JSON.stringify({ at: new Date(now()).toISOString(), level, message, ...fields })}\n`);
  };
  return { info: line('info'), warn: line('warn'), error: line('error') };
}
