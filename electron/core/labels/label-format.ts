/** Indonesian rupiah, as couriers print it: `Rp 50.000`. */
export function formatRupiah(amount: number): string {
  const whole = Math.round(Math.abs(amount));
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}Rp ${grouped}`;
}

/** Western Indonesia Time (UTC+7, no daylight saving): the zone the batches are stamped in. */
const wibOffsetMs = 7 * 60 * 60 * 1000;

/** `2026-11-29 08:43 WIB`, the same on every machine whatever its own zone. */
export function formatWib(date: Date): string {
  const local = new Date(date.getTime() + wibOffsetMs).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} WIB`;
}
