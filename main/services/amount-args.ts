/** The one yuan → fen step for every action that takes an amount ("12.30" → 1230), refusing in the cashier's words. */
import { parseYuanToFen } from '../shared/money';
import { ServiceError } from '../shared/service-error';
import { msg } from '../../preload/messages';

/** What to ask for when nothing was typed (the amount, the cash received, the float…). */
export type EmptyAmountCode = 'amount.required' | 'amount.receivedRequired' | 'amount.floatRequired' | 'amount.payoutRequired' | 'paycode.amountFirst';

/** `empty` asks for the field when it is empty (请输入实收现金); otherwise the parser's own message. */
export function fenOf(amount: string, maxAmountFen: number, empty?: EmptyAmountCode): number {
  const parsed = parseYuanToFen(amount, maxAmountFen);
  if (!parsed.ok) throw new ServiceError('REFUSED', empty && parsed.reason === 'empty' ? msg(empty) : parsed.message);
  return parsed.fen;
}
