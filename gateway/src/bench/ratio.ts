/**
 * gw/base: the median over rounds of the gateway's req/s over the baseline's in the round right
 * after it. The targets take turns, so a slow stretch of a shared machine (seen here: the same
 * target 30% apart between runs minutes apart) hits both sides of a pair, and the median drops
 * a pair it split.
 */
export function pairedRatio(gateway: number[], baseline: number[]): number {
  const ratios = gateway.map((g, i) => g / (baseline[i] as number)).sort((a, b) => a - b);
  const mid = ratios.length / 2;
  return ratios.length % 2
    ? (ratios[Math.floor(mid)] as number)
    : ((ratios[mid - 1] as number) + (ratios[mid] as number)) / 2;
}
