/**
 * The customer's wallet page for a polypay QR, built with the first sandbox's page
 * (main/aggregator/sandbox/wallet-page.ts: same markup, buttons and script). The QR's URL is
 * `https://qr.95516.com/03080000/1004/<cmbOrderId>` [ref cmb-polypay.md §2]; the driver
 * rewrites the host as UAT does [ref §3 UAT], here to the sandbox, which serves that path.
 */
import { esc, page } from '../../sandbox/wallet-page';
import { WALLET_LABEL, WALLETS, isWallet } from '../../sandbox/wallets';
import type { Reply } from './protocol';
import type { CmbCtx } from './handlers';
import { walletFail, walletPay } from './handlers';
import type { CmbOrder } from './state';

const yuan = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
const LABEL: Record<string, string> = { WX: '微信支付', ZF: '支付宝', YL: '云闪付' };

function render(o: CmbOrder, base: string, error?: string, status = 200): Reply {
  const head = `<p class="amount">¥${yuan(o.amountFen)}</p><p class="subject">${esc(o.subject)}</p>`;
  let rest: string;
  if (o.state === 'P' || o.state === 'F') {
    const retry = o.state === 'F' ? `<p class="err" role="alert">支付未成功${o.failedWallet ? `，可用${LABEL[o.failedWallet]}重新支付` : ''}</p>` : '';
    const buttons = WALLETS.map((w) => `<button type="button" class="wallet" data-wallet="${w}" aria-pressed="false">${WALLET_LABEL[w]}</button>`).join('');
    rest = `${retry}${error ? `<p class="err" role="alert">${esc(error)}</p>` : ''}
<form id="pay" method="post" action="${base}/pay"><input type="hidden" id="wallet" name="wallet" value="">
<div class="wallets" role="group" aria-label="支付方式">${buttons}</div><button type="submit" id="confirm">确认支付</button></form>
<form method="post" action="${base}/cancel"><button type="submit" class="cancel">取消</button></form>`;
  } else if (o.chargeCount > 0 || o.state === 'R') {
    rest = `<p class="result ok" role="status">支付成功</p><p class="meta">${o.payType ? LABEL[o.payType] : ''}</p>`;
  } else {
    rest = `<p class="result" role="status">${o.expired ? '二维码已过期' : '订单已关闭'}</p>`;
  }
  return page(`${head}${rest}<p class="meta">订单号 ${o.cmbOrderId}</p>`, status);
}

/** GET/POST /03080000/1004/<cmbOrderId>[/pay|/cancel]; null when not a wallet path. */
export function cmbWalletPage(ctx: CmbCtx, method: string, path: string, raw: Buffer): Reply | null {
  const m = /^\/03080000\/1004\/(\d+)(?:\/(pay|cancel))?\/?$/.exec(path);
  if (!m || !m[1]) return null;
  const base = `/03080000/1004/${m[1]}`;
  const o = ctx.store.byCmbOrderId(m[1]);
  if (!o) return page('<p class="result" role="status">二维码无效</p>', 404);
  if (!m[2]) return method === 'GET' ? render(o, base) : page('<p class="err">Method Not Allowed</p>', 405);
  if (method !== 'POST') return page('<p class="err">Method Not Allowed</p>', 405);
  const seeOther: Reply = { status: 303, body: '', headers: { location: base } };
  // 取消 in the wallet = the customer's payment did not go through: F, the QR stays payable.
  if (m[2] === 'cancel') { const r = walletFail(ctx, o); return r.ok ? seeOther : render(o, base, r.message, 409); }
  const wallet = new URLSearchParams(raw.toString('utf8')).get('wallet');
  if (!isWallet(wallet)) return render(o, base, '请选择支付方式', 400);
  const r = walletPay(ctx, o, wallet);
  return r.ok ? seeOther : render(o, base, r.message, 409);
}
