import { commonMessageSpecs } from './messages-common';
import { checkoutMessageSpecs } from './messages-checkout';
import { devicesMessageSpecs } from './messages-devices';
import { managerMessageSpecs } from './messages-manager';
import { engineerMessageSpecs } from './messages-engineer';

/**
 * Messages as codes: main never sends a sentence to the screen. Every notice, refusal, error,
 * warning and status text that crosses the contract is a `Msg` — a stable code plus typed
 * parameters — and the renderer words it in the cashier's language (renderer/src/i18n/messages-*.ts).
 *
 * `messageSpecs` lists every code with the names of its parameters. A parameter's type follows
 * from its name, and so does how the renderer formats it:
 *   - `…Fen`    integer fen, shown as money in the app's language (¥128.50)
 *   - `…Msg`    a nested message, translated too (e.g. the reason inside "Payment failed: …")
 *   - `…Msgs`   a list of nested messages, each translated, joined by the language's list separator
 *   - `…Yuan`   integer fen, shown as a bare yuan amount (12.30) where the text writes the unit itself
 *   - `…At`     epoch milliseconds, shown as a date and time
 *   - `wallet`  a wallet id (wechat, alipay…), shown as the wallet's name
 *   - others    plain text or a number (order numbers, paths, counts)
 * Codes are stable strings: never rename one; add a new code instead.
 * The codes are listed per feature in messages-<feature>.ts; add a new code to its feature's file.
 */
export const messageSpecs = {
  ...commonMessageSpecs,
  ...checkoutMessageSpecs,
  ...devicesMessageSpecs,
  ...managerMessageSpecs,
  ...engineerMessageSpecs,
} as const satisfies Record<string, readonly string[]>;

export type MessageCode = keyof typeof messageSpecs;
export const messageCodes = Object.keys(messageSpecs) as MessageCode[];

/** The type of one parameter, from its name (see the header). */
export type MsgParamValue<K extends string> =
  K extends `${string}Fen` ? number
    : K extends `${string}Yuan` ? number
    : K extends `${string}Msgs` ? Msg[]
    : K extends `${string}Msg` ? Msg
      : K extends `${string}At` ? number
        : string | number;

export type MessageParams<C extends MessageCode> = { [K in (typeof messageSpecs)[C][number]]: MsgParamValue<K> };

/** One message: a code and, when the code has parameters, all of them. */
export type Msg = {
  [C in MessageCode]: (typeof messageSpecs)[C] extends readonly [] ? { code: C; params?: undefined } : { code: C; params: MessageParams<C> };
}[MessageCode];

type ParamArgs<C extends MessageCode> = (typeof messageSpecs)[C] extends readonly [] ? [] : [params: MessageParams<C>];

/** Builds a message: `msg('amount.overLimit', { maxFen: 1_000_000 })`. */
export function msg<C extends MessageCode>(code: C, ...params: ParamArgs<C>): Msg {
  return (params.length ? { code, params: params[0] } : { code }) as Msg;
}

export function isMsg(v: unknown): v is Msg {
  return typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'string' && Object.hasOwn(messageSpecs, (v as { code: string }).code);
}
