/**
 * Turns an amount in fen into the words a Chinese payment speaker says (¥10,005.20 → 一万零五元二角)
 * and into the clip names in assets/voice/ that say them. Pure: no audio here.
 */
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const PLACE = ['', '十', '百', '千'] as const;
const GROUP = ['', '万', '亿', '万亿'] as const;

/** Reads 1..9999 with zeros inside said once (1010 → 一千零一十). */
function readGroup(v: number): string[] {
  const out: string[] = [];
  let zero = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(v / 10 ** p) % 10;
    if (d === 0) { if (out.length) zero = true; continue; }
    if (zero) { out.push('零'); zero = false; }
    out.push(DIGITS[d]!);
    const unit = PLACE[p];
    if (unit) out.push(unit);
  }
  return out;
}

/** Reads a whole number of yuan, 万/亿 grouped; 10–19 at the front drop the 一 (十五万, not 一十五万). */
export function readInteger(n: number): string[] {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a whole amount: ${n}`);
  if (n === 0) return ['零'];
  const groups: number[] = [];
  for (let x = n; x > 0; x = Math.floor(x / 10_000)) groups.push(x % 10_000);
  const out: string[] = [];
  let pendingZero = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const v = groups[g]!;
    if (v === 0) { if (out.length) pendingZero = true; continue; }
    if (out.length && (pendingZero || v < 1000)) out.push('零');
    out.push(...readGroup(v));
    const unit = GROUP[g];
    if (unit) out.push(unit);
    pendingZero = false;
  }
  if (out[0] === '一' && out[1] === '十') out.shift();
  return out;
}

/** The spoken words for an amount in fen: 1 → 一分, 1000 → 十元, 10050 → 一百元五角. */
export function spokenAmount(fen: number): string[] {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount in fen: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  const out: string[] = [];
  if (yuan > 0) out.push(...readInteger(yuan), '元');
  if (jiao > 0) out.push(DIGITS[jiao]!, '角');
  else if (cents > 0 && yuan > 0) out.push('零');
  if (cents > 0) out.push(DIGITS[cents]!, '分');
  return out.length ? out : ['零', '元'];
}

const CLIP_OF: Record<string, string> = {
  零: 'd0', 一: 'd1', 二: 'd2', 三: 'd3', 四: 'd4', 五: 'd5', 六: 'd6', 七: 'd7', 八: 'd8', 九: 'd9',
  十: 'shi', 百: 'bai', 千: 'qian', 万: 'wan', 亿: 'yi', 元: 'yuan', 角: 'jiao', 分: 'fen',
};

export type AnnounceWallet = 'wechat' | 'alipay' | 'unionpay' | 'ecny' | 'cash' | 'other';
const OPENING: Record<AnnounceWallet, string> = { wechat: '微信收款', alipay: '支付宝到账', unionpay: '云闪付到账', ecny: '数字人民币到账', cash: '现金收款', other: '收款成功' };

/** What was announced, for a caption in the screen's language (the voice itself is always Chinese). */
export type Caption = { kind: 'pay'; wallet: AnnounceWallet; fen: number } | { kind: 'refund'; fen: number };

export interface Announcement {
  /** What is said, e.g. 支付宝到账一百二十八元五角. */
  text: string;
  caption: Caption;
  /** Clip names in assets/voice/ (without .wav), in order. */
  clips: string[];
}

export function paymentAnnouncement(wallet: string | undefined, fen: number): Announcement {
  const w: AnnounceWallet = wallet === 'wechat' || wallet === 'alipay' || wallet === 'unionpay' || wallet === 'ecny' || wallet === 'cash' ? wallet : 'other';
  return build(OPENING[w], `pay-${w}`, fen, { kind: 'pay', wallet: w, fen });
}

export function refundAnnouncement(fen: number): Announcement {
  return build('退款', 'refund', fen, { kind: 'refund', fen });
}

function build(opening: string, openingClip: string, fen: number, caption: Caption): Announcement {
  const words = spokenAmount(fen);
  // 万亿 is one word but two clips.
  const clips = words.flatMap((w) => (w === '万亿' ? ['wan', 'yi'] : [CLIP_OF[w]!]));
  return { text: opening + words.join(''), caption, clips: [openingClip, ...clips] };
}
