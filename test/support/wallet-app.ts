/**
 * A customer's wallet app opening a QR's URL. The unified QR is the platform's WAP-gateway URL
 * (payment-protocols.md §1.6a): the order comes into being when a wallet opens it, and the
 * gateway picks the wallet from the User-Agent (MicroMessenger, AlipayClient, UnionPay).
 */
export const USER_AGENTS = {
  wechat: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F35) NetType/WIFI Language/zh_CN',
  alipay: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0 Mobile Safari/537.36 AlipayClient/10.5.86.8000 Language/zh-Hans',
  unionpay: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 (com.unionpay.chsp) (UnionPay/1.0 CloudPay)',
  browser: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
} as const;

/** The wallet app opens `url` (what scanning the QR does); throws when the page refuses. */
export async function walletOpens(url: string, wallet: keyof typeof USER_AGENTS): Promise<void> {
  const res = await fetch(url, { headers: { 'user-agent': USER_AGENTS[wallet] } });
  if (!res.ok) throw new Error(`the wallet could not open the QR (${res.status}): ${(await res.text()).slice(0, 300)}`);
}
