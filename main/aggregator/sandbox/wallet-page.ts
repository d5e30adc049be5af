/** GET /qr/<token>: the customer's mobile 收银台 page; POST …/pay and …/cancel are its forms. */
import { type Ctx, customerCancel, customerPay } from './orders';
import type { Reply } from './protocol';
import type { Order } from './state';
import { isWallet, walletOfPayway, WALLET_LABEL, WALLETS } from './wallets';
import { yuan } from './statement';

export const WALLET_PAGE_TITLE = '收银台 · Yima Sandbox';

export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body{font-family:system-ui,-apple-system,"PingFang SC",sans-serif;margin:0;background:#f2f3f5;color:#222}
main{max-width:420px;margin:0 auto;padding:24px 16px}h1{font-size:18px;text-align:center;margin:0 0 4px}
.merchant,.subject,.meta{text-align:center;color:#666;margin:4px 0}.amount{font-size:40px;font-weight:600;text-align:center;margin:16px 0}
.wallets{display:flex;flex-direction:column;gap:8px;margin:16px 0}button{font-size:16px;padding:12px;border-radius:8px;border:1px solid #ccc;background:#fff}
.wallet[aria-pressed=true]{border-color:#1677ff;background:#e6f0ff;font-weight:600}.wallet:disabled{opacity:.4}
#confirm{width:100%;background:#1677ff;color:#fff;border:none}#confirm:disabled{background:#9bbcf0}
.cancel{width:100%;margin-top:8px}.result{font-size:24px;text-align:center;margin:24px 0}.ok{color:#07a35a}.err{color:#c0392b;text-align:center}`;

const SCRIPT = `(function(){var f=document.getElementById('pay');if(!f)return;var input=document.getElementById('wallet'),ok=document.getElementById('confirm');
function sync(){ok.disabled=!input.value;}document.querySelectorAll('.wallet').forEach(function(b){b.addEventListener('click',function(){
input.value=b.getAttribute('data-wallet');document.querySelectorAll('.wallet').forEach(function(o){o.setAttribute('aria-pressed',String(o===b));});sync();});});sync();})();`;

export function page(body: string, status = 200): Reply {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${WALLET_PAGE_TITLE}</title><style>${STYLE}</style></head>
<body><main><h1>收银台</h1><p class="merchant">Yima Sandbox 测试商户</p>${body}</main><script>${SCRIPT}</script></body></html>`;
  return { status, body: html, contentType: 'text/html; charset=utf-8' };
}

function payForm(o: Order, error?: string): string {
  const only = o.requestedPayway ? walletOfPayway(o.requestedPayway) : undefined;
  const buttons = WALLETS.map((w) => {
    const disabled = only !== undefined && only !== w ? ' disabled' : '';
    return `<button type="button" class="wallet" data-wallet="${w}" aria-pressed="${only === w}"${disabled}>${WALLET_LABEL[w]}</button>`;
  }).join('');
  return `${error ? `<p class="err" role="alert">${esc(error)}</p>` : ''}
<form id="pay" method="post" action="/qr/${o.qrToken ?? ''}/pay"><input type="hidden" id="wallet" name="wallet" value="${only ?? ''}">
<div class="wallets" role="group" aria-label="支付方式">${buttons}</div><button type="submit" id="confirm">确认支付</button></form>
<form method="post" action="/qr/${o.qrToken ?? ''}/cancel"><button type="submit" class="cancel">取消</button></form>`;
}

function outcome(o: Order): string {
  if (o.chargeCount > 0) {
    const refunded = o.orderStatus === 'PAID' ? '' : `<p class="meta">订单已${o.orderStatus === 'PARTIAL_REFUNDED' ? '部分退款' : '退款'}</p>`;
    const w = o.wallet ? `<p class="meta">${WALLET_LABEL[o.wallet]}</p>` : '';
    const back = o.gateway?.returnUrl ? `<p class="meta"><a href="${esc(o.gateway.returnUrl)}">返回商户</a></p>` : '';
    return `<p class="result ok" role="status">支付成功</p>${w}${refunded}${back}`;
  }
  if (o.endReason === 'timeout') return '<p class="result" role="status">二维码已过期</p>';
  return '<p class="result" role="status">订单已取消</p>';
}

/** A page with one message (the gateway's refusals). */
export function messagePage(title: string, detail: string, status: number): Reply {
  return page(`<p class="result" role="alert">${esc(title)}</p><p class="err">${esc(detail)}</p>`, status);
}

export function render(o: Order, error?: string, status = 200): Reply {
  const head = `<p class="amount">¥${yuan(o.totalFen)}</p><p class="subject">${esc(o.subject)}</p>`;
  const rest = o.orderStatus === 'CREATED' ? payForm(o, error) : outcome(o);
  return page(`${head}${rest}<p class="meta">订单号 ${o.sn}</p>`, status);
}

const seeOther = (token: string): Reply => ({ status: 303, body: '', headers: { location: `/qr/${token}` } });

/** Answers /qr/… requests; null when the path is not a wallet-page path. */
export function walletPage(ctx: Ctx, method: string, path: string, raw: Buffer): Reply | null {
  const m = /^\/qr\/([0-9a-f]+)(?:\/(pay|cancel))?\/?$/.exec(path);
  if (!m || !m[1]) return null;
  const token = m[1];
  const o = ctx.store.findByToken(token);
  if (!o) return page('<p class="result" role="status">二维码无效</p>', 404);
  if (!m[2]) return method === 'GET' ? render(o) : page('<p class="err">Method Not Allowed</p>', 405);
  if (method !== 'POST') return page('<p class="err">Method Not Allowed</p>', 405);
  if (m[2] === 'cancel') {
    const r = customerCancel(ctx, o);
    return r.ok ? seeOther(token) : render(o, r.message, r.status);
  }
  const wallet = new URLSearchParams(raw.toString('utf8')).get('wallet');
  if (!isWallet(wallet)) return render(o, '请选择支付方式', 400);
  const r = customerPay(ctx, o, wallet);
  return r.ok ? seeOther(token) : render(o, r.message, r.status);
}
