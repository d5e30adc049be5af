/** Records every checkout view a service shows and waits for one that matches, for rigs and tests. */
import type { CheckoutView } from '../../preload/contract';

export interface ViewRecorder {
  views: CheckoutView[];
  /** Pass as the service's onView. */
  onView(v: CheckoutView): void;
  /** The first view (from index `from`) that matches, waiting up to `timeoutMs`. */
  until(pred: (v: CheckoutView) => boolean, timeoutMs: number, from?: number): Promise<CheckoutView>;
}

export function recordViews(): ViewRecorder {
  const views: CheckoutView[] = [];
  const waiters = new Set<() => void>();
  return {
    views,
    onView(v) { views.push(v); for (const w of [...waiters]) w(); },
    until(pred, timeoutMs, from = 0) {
      return new Promise<CheckoutView>((resolve, reject) => {
        const check = () => {
          const hit = views.slice(from).find(pred);
          if (!hit) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
        };
        const timer = setTimeout(() => { waiters.delete(check); reject(new Error(`no matching view in ${timeoutMs} ms; last: ${JSON.stringify(views.at(-1))}`)); }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}
