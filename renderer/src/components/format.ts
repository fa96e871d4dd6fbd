import { formatClock as clock, formatInstant as instant, formatServerTime } from '../../../electron/shared/time-format.ts';

/**
 * The renderer's one time formatter (the rule itself is shared with the CLI): instants in the
 * station's zone, server timestamps labelled WIB.
 */

/** `2022-09-02 16:11:21` (server time) as the operator reads it: `2 Sep 2022 16.11 WIB`. */
export function formatProcessed(processed: string, language: string): string {
  return formatServerTime(processed, language);
}

/** An ISO instant in the station's zone. */
export function formatInstant(iso: string, language: string): string {
  return instant(iso, language);
}

/** Time of day only: for "last checked", which is always recent. */
export function formatClock(iso: string, language: string): string {
  return clock(iso, language);
}

export function formatRupiah(amount: number, language: string): string {
  return new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(amount);
}
