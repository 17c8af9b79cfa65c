/**
 * The order a comparison runs its replicates in: replicate 0 of every scenario, then replicate 1 of
 * every scenario, and so on. Stopped at any point (Ctrl-C), the finished runs are then whole pairs
 * (or sets) but for the last round, so the comparison of what is done can still be paired; run
 * scenario by scenario, stopping before half-way left nothing to compare. Each run depends only on its
 * scenario, seed and replicate, so the order changes no result.
 */
export function interleaved(scenarios: number, replicates: number): { scenario: number; replicate: number }[] {
  const order: { scenario: number; replicate: number }[] = [];
  for (let replicate = 0; replicate < replicates; replicate++) for (let scenario = 0; scenario < scenarios; scenario++) order.push({ scenario, replicate });
  return order;
}
