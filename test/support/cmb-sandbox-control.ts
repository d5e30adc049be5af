/** The polypay sandbox's control API (main/aggregator/cmb/sandbox/control.ts), for tests. */
export interface CmbSandboxOrder { orderId: string; cmbOrderId: string; userId: string; kind: 'qr' | 'pay'; state: string; amountFen: number; chargeCount: number; payType?: string; refunds: { orderId: string; amountFen: number; state: string }[] }

export function cmbSandboxControl(base: string) {
  const call = async <T = unknown>(method: string, route: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}/__control/${route}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = (await res.json()) as T & { ok?: boolean; error?: unknown };
    if (json.ok === false) throw new Error(`cmb sandbox control ${route}: ${JSON.stringify(json.error)}`);
    return json;
  };
  return {
    call,
    fault: (op: string, fault: string, extra: { ms?: number; times?: number } = {}) => call('POST', 'faults', { op, fault, ...extra }),
    clearFaults: () => call('DELETE', 'faults'),
    config: (cfg: { passwordSeconds?: number; refundSeconds?: number; maxValidSeconds?: number; paddedDer?: boolean; clockOffsetMs?: number; billClockOffsetMs?: number }) => call('POST', 'config', cfg),
    walletPay: (orderId: string, wallet: 'wechat' | 'alipay' | 'unionpay') => call('POST', 'wallet-pay', { orderId, wallet }),
    walletFail: (orderId: string, wallet?: 'wechat' | 'alipay' | 'unionpay') => call('POST', 'wallet-fail', { orderId, wallet }),
    omitFromStatement: (orderId: string) => call('POST', 'statement-omit', { orderId }),
    amendStatement: (orderId: string, amountFen: number) => call('POST', 'statement-amend', { orderId, amountFen }),
    orders: async () => (await call<{ orders: CmbSandboxOrder[] }>('GET', 'orders')).orders,
    requests: async () => (await call<{ requests: { api: string; orderId?: string; fault?: string }[] }>('GET', 'requests')).requests,
  };
}
