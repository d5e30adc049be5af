import { describe, expect, it } from 'vitest';
import { createAnnouncer, type VoicePlayer } from '../../../../renderer/src/voice/announcer';
import { paymentAnnouncement, refundAnnouncement } from '../../../../renderer/src/voice/spoken-amount';

/** A player that takes `ms` per clip and records what it said, so overlap would show. */
function fakePlayer(opts: { missing?: string[]; speech?: boolean; ms?: number } = {}) {
  const heard: string[] = [];
  let busy = false;
  let overlapped = false;
  const player: VoicePlayer = {
    async playClips(clips) {
      if (busy) overlapped = true;
      busy = true;
      try {
        for (const c of clips) {
          if (opts.missing?.includes(c)) throw new Error(`missing ${c}`);
          await new Promise((r) => setTimeout(r, opts.ms ?? 1));
          heard.push(c);
        }
      } finally { busy = false; }
    },
    async speak(text) {
      if (!opts.speech) throw new Error('no system voice');
      heard.push(`speech:${text}`);
    },
  };
  return { player, heard, overlapped: () => overlapped };
}

describe('announcer', () => {
  it('two quick payments are both said, one after the other, never over each other', async () => {
    const f = fakePlayer({ ms: 3 });
    const said: string[] = [];
    const a = createAnnouncer(f.player, () => ({ enabled: true, volume: 0.8 }), (t) => said.push(t));
    a.say(paymentAnnouncement('wechat', 1_230));
    a.say(paymentAnnouncement('alipay', 5));
    await a.idle();
    expect(said).toEqual(['微信收款十二元三角', '支付宝到账五分']);
    expect(f.heard).toEqual(['pay-wechat', 'shi', 'd2', 'yuan', 'd3', 'jiao', 'pay-alipay', 'd5', 'fen']);
    expect(f.overlapped()).toBe(false);
  });

  it('a missing clip hands the whole sentence to the system speech', async () => {
    const f = fakePlayer({ missing: ['jiao'], speech: true });
    const how: string[] = [];
    const a = createAnnouncer(f.player, () => ({ enabled: true, volume: 1 }), (_t, h) => how.push(h));
    a.say(refundAnnouncement(50));
    await a.idle();
    expect(how).toEqual(['speech']);
    expect(f.heard).toContain('speech:退款五角');
  });

  it('switched off (or volume 0) says nothing, and a broken player never blocks the queue', async () => {
    const f = fakePlayer({ missing: ['pay-other'] });
    let enabled = false;
    const how: string[] = [];
    const a = createAnnouncer(f.player, () => ({ enabled, volume: 1 }), (_t, h) => how.push(h));
    a.say(paymentAnnouncement('wechat', 100));
    await a.idle();
    enabled = true;
    a.say(paymentAnnouncement(undefined, 100));
    a.say(paymentAnnouncement('wechat', 100));
    await a.idle();
    expect(how).toEqual(['silent', 'silent', 'clips']);
  });
});
