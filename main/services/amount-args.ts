/** The one yuan → fen step for every action that takes an amount ("12.30" → 1230), refusing in the cashier's words. */
import { parseYuanToFen } from '../shared/money';
import { ServiceError } from '../shared/service-error';

/** `what` names the field when it is empty (请输入找零金额); otherwise the parser's own message. */
export function fenOf(amount: string, maxAmountFen: number, what?: string): number {
  const parsed = parseYuanToFen(amount, maxAmountFen);
  if (!parsed.ok) throw new ServiceError('REFUSED', what && parsed.reason === 'empty' ? `请输入${what}` : parsed.message);
  return parsed.fen;
}
