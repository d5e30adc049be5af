/**
 * Says every payment this counter saw finish as PAID (语音播报), and every refund or void that
 * succeeded here, once each, in the cashier window only.
 * A result that arrives already final (a reload, the snapshot) was never pending in this window
 * and is not announced again.
 */
import { useEffect } from 'react';
import { useStore } from '../store';
import { createAnnouncer } from './announcer';
import { browserPlayer } from './browser-player';
import { paymentAnnouncement, refundAnnouncement } from './spoken-amount';

export function useVoiceAnnouncements(): void {
  useEffect(() => {
    const seenPending = new Set<string>();
    const announced = new Set<string>();
    const announcer = createAnnouncer(browserPlayer, () => useStore.getState().voice, (text, how, a) => {
      if (how !== 'silent') useStore.getState().setLastSpoken({ text, caption: a.caption });
    });
    return useStore.subscribe((s, prev) => {
      const refund = s.refundResult;
      if (refund && refund !== prev.refundResult && refund.status === 'refunded' && !announced.has(refund.refundRequestNo)) {
        announced.add(refund.refundRequestNo);
        announcer.say(refundAnnouncement(refund.amountFen));
      }
      const view = s.view;
      if (view === prev.view || !view.clientSn) return;
      if (view.phase !== 'result') { seenPending.add(view.clientSn); return; }
      if (view.result?.outcome !== 'PAID' || !seenPending.has(view.clientSn) || announced.has(view.clientSn)) return;
      announced.add(view.clientSn);
      announcer.say(paymentAnnouncement(view.result.wallet, view.result.amountFen));
    });
  }, []);
}
