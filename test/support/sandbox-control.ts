/** The sandbox's documented control API (main/aggregator/sandbox/README.md), for tests. */
export interface SandboxOrder { sn: string; clientSn: string; orderStatus: string; totalFen: number; chargeCount: number; wallet?: string; refunds?: unknown[]; reversal?: unknown }

export function sandboxControl(base: string) {
  const call = async <T = unknown>(method: string, route: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}/__control/${route}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = (await res.json()) as T & { ok?: boolean; error?: unknown };
    if (json.ok === false) throw new Error(`sandbox control ${route}: ${JSON.stringify(json.error)}`);
    return json;
  };
  return {
    call,
    fault: (op: string, fault: string, extra: { ms?: number; times?: number } = {}) => call('POST', 'faults', { op, fault, ...extra }),
    clearFaults: () => call('DELETE', 'faults'),
    config: (cfg: { qrExpirySeconds?: number; passwordSeconds?: number }) => call('POST', 'config', cfg),
    walletPay: (ref: { sn?: string; clientSn?: string }, wallet: 'wechat' | 'alipay' | 'unionpay') => call('POST', 'wallet-pay', { ...ref, wallet }),
    orders: async () => (await call<{ orders: SandboxOrder[] }>('GET', 'orders')).orders,
  };
}
