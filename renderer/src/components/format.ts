/** `2022-09-02 16:11:21` (server time) shown as the operator reads it: day, month, time. */
export function formatProcessed(processed: string, language: string): string {
  const [date, time] = processed.split(' ');
  const [y, m, d] = (date ?? '').split('-').map(Number);
  if (!y || !m || !d || !time) return processed;
  const day = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(language === 'id' ? 'id-ID' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return `${day} ${time}`;
}

/** An ISO instant in the station's local time, short. */
export function formatInstant(iso: string, language: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' });
}

export function formatRupiah(amount: number, language: string): string {
  return new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(amount);
}

/** Time of day only: for "last checked", which is always recent. */
export function formatClock(iso: string, language: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toLocaleTimeString(language === 'id' ? 'id-ID' : 'en-GB', { timeStyle: 'medium' });
}
