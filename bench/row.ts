/** One benchmark figure: printed as a table row by bench/run.ts. */
export interface Row {
  name: string;
  value: number;
  unit: string;
  goal?: string;
  ok?: boolean;
  note?: string;
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;
