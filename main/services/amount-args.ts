/** The one yuan → fen step for every action that takes an amount ("12.30" → 1230), refusing in the cashier's words. */
import { msg, type MessageCode } from '../../preload/messages';
import { parseYuanToFen } from '../shared/money';
import { ServiceError } from '../shared/service-error';

/** `empty`: what to ask for when nothing was typed (the amount, the cash received, the float…); otherwise the parser's own message. */
export function fenOf(amount: string, maxAmountFen: number, empty: MessageCode = 'amount.required'): number {
  const parsed = parseYuanToFen(amount, maxAmountFen);
  if (!parsed.ok) throw new ServiceError('REFUSED', parsed.reason === 'empty' ? msg(empty as 'amount.required') : parsed.message);
  return parsed.fen;
}
