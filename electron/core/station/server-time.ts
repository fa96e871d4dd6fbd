/** The backend's clock: Asia/Bangkok, UTC+7 all year (no daylight saving), the same as Jakarta. */
const serverOffsetMs = 7 * 60 * 60 * 1000;

/** `2022-09-02 16:11:21`: an instant as the backend writes `processed` timestamps. */
export function toServerTimestamp(epochMs: number): string {
  return new Date(epochMs + serverOffsetMs).toISOString().slice(0, 19).replace('T', ' ');
}

/** The instant a server timestamp names. */
export function fromServerTimestamp(timestamp: string): number {
  return Date.parse(`${timestamp.replace(' ', 'T')}Z`) - serverOffsetMs;
}
