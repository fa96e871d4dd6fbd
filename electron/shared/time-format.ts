/**
 * The one way the operator reads a time, in the renderer and the CLI alike: `2 Sep 2022 16:11:21`
 * (day, the language's short month, year, 24-hour time to the second: a batch is named by its
 * second). Instants (the station's own clock) show in the station's zone; a server timestamp (a
 * batch's `processed`, which has no zone and is the server's UTC+7) keeps its wall time and says
 * so with "WIB", so the two are never mistaken for each other.
 */
const locale = (language: string): string => (language === 'id' ? 'id-ID' : 'en-GB');
const serverZone = 'Asia/Jakarta';
const serverOffsetHours = 7;

function parts(at: Date, language: string, timeZone: string | undefined): Record<string, string> {
  const format = new Intl.DateTimeFormat(locale(language), {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone,
  });
  return Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
}

function dateTime(at: Date, language: string, timeZone: string | undefined): string {
  const p = parts(at, language, timeZone);
  return `${p.day} ${(p.month ?? '').replace(/\.$/, '')} ${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** An ISO instant in the station's zone (`timeZone` for tests and a kiosk told its zone). */
export function formatInstant(iso: string, language: string, timeZone?: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : dateTime(at, language, timeZone);
}

/** Time of day only, in the station's zone: for what is always recent ("last checked"). */
export function formatClock(iso: string, language: string, timeZone?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const p = parts(at, language, timeZone);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** `2022-09-02 16:11:21` from the server, as the operator reads it: `2 Sep 2022 16:11:21 WIB`. */
export function formatServerTime(processed: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(processed.trim());
  if (!match) return processed;
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  return `${dateTime(new Date(Date.UTC(y, mo - 1, d, h - serverOffsetHours, mi, s)), language, serverZone)} WIB`;
}
