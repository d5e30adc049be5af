/**
 * The status a person reads for an order: a paid order that was voided (撤销) or refunded says
 * so, rather than still showing 已支付.
 */
export type DisplayStatus = 'pending' | 'needs_attention' | 'paid' | 'failed' | 'canceled' | 'expired' | 'voided' | 'refunded' | 'partrefunded';

export interface StatusFacts {
  status: string;
  amountFen: number;
  refundedFen?: number;
  refunds?: readonly { kind?: 'refund' | 'void'; status: string }[];
}

export function displayStatus(o: StatusFacts): DisplayStatus {
  const status = o.status as DisplayStatus;
  if (o.status !== 'paid') return status;
  if (o.refunds?.some((r) => r.kind === 'void' && r.status === 'refunded')) return 'voided';
  const refunded = o.refundedFen ?? 0;
  if (refunded >= o.amountFen && refunded > 0) return 'refunded';
  return refunded > 0 ? 'partrefunded' : 'paid';
}
