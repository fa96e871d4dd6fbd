/** A flexible section's claim on the free height: its share, and what its content needs. */
export interface FlexClaim {
  flex: number;
  naturalMm: number;
}

/**
 * Shares `freeMm` between flexible sections by need: a section whose content needs less than
 * its share gets what it needs; the rest is split by share among the ones that need more; what
 * is left when everyone is served is split by share, so no section is cramped needlessly.
 */
export function allocateFlex(claims: readonly FlexClaim[], freeMm: number): number[] {
  const heights: (number | null)[] = claims.map(() => null);
  let remaining = freeMm;
  for (let settled = true; settled; ) {
    settled = false;
    const open = claims.map((c, i) => ({ ...c, i })).filter(({ i }) => heights[i] === null);
    const shares = open.reduce((sum, c) => sum + c.flex, 0);
    for (const claim of open) {
      if (claim.naturalMm <= (remaining * claim.flex) / shares) {
        heights[claim.i] = claim.naturalMm;
        remaining -= claim.naturalMm;
        settled = true;
      }
    }
  }
  const open = claims.filter((_, i) => heights[i] === null);
  const pool = open.length > 0 ? open : claims;
  const shares = pool.reduce((sum, c) => sum + c.flex, 0);
  return claims.map((c, i) => (heights[i] ?? 0) + (shares > 0 && pool.includes(c) ? (remaining * c.flex) / shares : 0));
}
