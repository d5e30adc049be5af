/** The one yuan → fen step for every action that takes an amount ("12.30" → 1230), refusing in the cashier's words. */
import { msg, type MessageCode } from '../../preload/messages';
import { parseYuanToFen } from '../shared/money';
import { ServiceError } from '../shared/service-error';

/** `empty` names what to ask for when nothing was typed (the cash received, the float…); otherwise the parser's own message. */
export function fenOf(amount: string, maxAmountFen: number, empty?: MessageCode): number {
  const parsed = parseYuanToFen(amount, maxAmountFen);
  if (!parsed.ok) throw new ServiceError('REFUSED', empty && parsed.reason === 'empty' ? msg(empty as 'amount.required') : parsed.message);
  return parsed.fen;
}
