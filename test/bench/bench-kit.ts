/** One row of the benchmark report: a measured case beside the baseline it is judged by. */
export interface BenchRow {
  suite: string;
  name: string;
  value: number;
  unit: string;
  /** value ÷ baseline, both measured in this run; the target says which way is good. */
  ratio?: number;
  baseline?: string;
  target?: string;
  pass?: boolean;
}

export interface Benchmark {
  suite: string;
  run: () => Promise<BenchRow[]>;
}

/** Median of `runs` timings (ms) of fn, after `warmup` untimed calls. */
export async function medianMs(fn: () => unknown, runs = 7, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Each run starts from a collected heap (with --expose-gc), so one run's garbage is
    // not billed to the next one: the cases compare like with like.
    globalThis.gc?.();
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export const round = (n: number, digits = 2) => Number(n.toFixed(digits));
