/**
 * The cash dialog's live arithmetic (display only: main parses the typed text again and
 * decides). Integer fen, never floats.
 */
export function yuanTextToFen(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number(((m[2] ?? '') + '00').slice(0, 2));
}

export function fenToYuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** Exact, the next whole yuan (整数), then the notes that cover the amount. */
export function quickAmounts(amountFen: number): { kind: 'exact' | 'whole' | 'note'; fen: number }[] {
  const out: { kind: 'exact' | 'whole' | 'note'; fen: number }[] = [{ kind: 'exact', fen: amountFen }];
  const whole = Math.ceil(amountFen / 100) * 100;
  if (whole !== amountFen) out.push({ kind: 'whole', fen: whole });
  for (const note of [1_000, 2_000, 5_000, 10_000]) if (note > amountFen && note !== whole) out.push({ kind: 'note', fen: note });
  return out;
}
