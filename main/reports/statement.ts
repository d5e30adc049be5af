/**
 * Parse the aggregator's day statement (对账单) CSV:
 *   交易时间,商户订单号,收钱吧订单号,支付方式,交易类型,金额(元),手续费(元),状态
 * Tolerates a UTF-8 BOM, CRLF, RFC 4180 quoted fields (commas, quotes, newlines inside) and
 * WeChat-style fields prefixed with a back-tick. Columns are found by header name, so their
 * order may vary. A row that cannot be parsed is reported with its line number and text —
 * never dropped silently, since a dropped row is exactly a reconciliation difference.
 */
import type { Wallet } from '../aggregator/types';
import { parseYuanToFen } from '../shared/money';

export type StatementKind = 'pay' | 'refund' | 'reversal';

export interface StatementRow {
  /** 1-based line where the row starts. */
  line: number;
  time: string;
  /** 商户订单号 (our clientSn); empty for an order the counter never created. */
  clientSn: string;
  /** 收钱吧订单号 (the aggregator's sn). */
  sn: string;
  walletLabel: string;
  wallet?: Wallet;
  kind: StatementKind;
  /** Always positive; `kind` gives the direction. */
  amountFen: number;
  feeFen: number;
  status: string;
  /** The row moved money (状态 成功 / SUCCESS). */
  success: boolean;
}

export interface UnparsableRow {
  line: number;
  text: string;
  reason: string;
}

export interface Statement {
  rows: StatementRow[];
  errors: UnparsableRow[];
}

const COLUMNS = {
  time: '交易时间', clientSn: '商户订单号', sn: '收钱吧订单号', wallet: '支付方式',
  kind: '交易类型', amount: '金额(元)', fee: '手续费(元)', status: '状态',
} as const;
type Col = keyof typeof COLUMNS;

const KINDS: Record<string, StatementKind> = { 收款: 'pay', 支付: 'pay', 交易: 'pay', 退款: 'refund', 撤单: 'reversal', 撤销: 'reversal' };
const SUCCESS = new Set(['成功', 'SUCCESS', '交易成功', '支付成功', '退款成功']);

const WALLETS: [RegExp, Wallet][] = [
  [/微信|wechat|weixin/i, 'wechat'], [/支付宝|alipay/i, 'alipay'], [/云闪付|银联|unionpay/i, 'unionpay'],
  [/数字人民币|e-?cny/i, 'ecny'], [/翼支付|bestpay/i, 'bestpay'],
];

const walletCache = new Map<string, Wallet | undefined>();

export function walletOfLabel(label: string): Wallet | undefined {
  if (walletCache.has(label)) return walletCache.get(label);
  const w = WALLETS.find(([re]) => re.test(label))?.[1];
  if (walletCache.size < 100) walletCache.set(label, w); // a statement has a handful of labels
  return w;
}

/** "12.30", "-0.05", "1,234.5" → fen without floats (money.ts does the parsing); null if not money. */
export function yuanToFen(text: string): number | null {
  const t = text.trim();
  const neg = t.startsWith('-');
  const r = parseYuanToFen(neg ? t.slice(1) : t, Number.MAX_SAFE_INTEGER);
  if (r.ok) return neg ? -r.fen : r.fen;
  return r.reason === 'zero' ? 0 : null;
}

type CsvRecord = { line: number; fields: string[]; text: string };

/**
 * RFC 4180 records with the line each starts on. Quoted fields may span lines. Lines without a
 * quote (nearly all of a statement) take a split fast path; the rest go through the state machine.
 */
export function csvRecords(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let pos = 0;
  let line = 1;
  while (pos < src.length) {
    let nl = src.indexOf('\n', pos);
    if (nl < 0) nl = src.length;
    const end = nl > pos && src.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    const raw = src.slice(pos, end);
    if (!raw.includes('"') && !raw.includes('\r')) {
      if (raw.trim() !== '') out.push({ line, fields: raw.split(','), text: raw });
      pos = nl + 1;
      line++;
      continue;
    }
    const r = quotedRecord(src, pos, line);
    if (r.rec.text.trim() !== '') out.push(r.rec);
    pos = r.next;
    line = r.line;
  }
  return out;
}

/** One record from `start` by the RFC 4180 state machine; returns where the next one starts. */
function quotedRecord(src: string, start: number, startLine: number): { rec: CsvRecord; next: number; line: number } {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = startLine;
  let i = start;
  for (; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && (field === '' || field === '`')) {
      quoted = true;
      field = ''; // a back-tick before the quote is the WeChat prefix
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      break;
    } else field += c;
  }
  fields.push(field);
  const rec = { line: startLine, fields, text: src.slice(start, i) };
  if (src[i] === '\r' && src[i + 1] === '\n') i++;
  return { rec, next: i + 1, line: line + 1 };
}

const clean = (v: string): string => {
  const t = v.trim();
  return t.charCodeAt(0) === 96 ? t.slice(1).trim() : t; // WeChat's back-tick prefix
};

export function parseStatement(csv: string): Statement {
  const records = csvRecords(csv);
  const rows: StatementRow[] = [];
  const errors: UnparsableRow[] = [];
  const headerAt = records.findIndex((r) => r.fields.map(clean).includes(COLUMNS.clientSn));
  if (headerAt < 0) {
    return { rows, errors: records.map((r) => ({ line: r.line, text: r.text, reason: '找不到表头（缺少“商户订单号”列）' })) };
  }
  const header = records[headerAt]!.fields.map(clean);
  const idx = {} as Record<Col, number>;
  const missing: string[] = [];
  for (const [k, name] of Object.entries(COLUMNS) as [Col, string][]) {
    idx[k] = header.indexOf(name);
    if (idx[k] < 0) missing.push(name);
  }
  // Lines before the header (titles, `#` comments) are reported, not guessed at.
  for (const r of records.slice(0, headerAt)) errors.push({ line: r.line, text: r.text, reason: '表头之前的内容' });
  if (missing.length) {
    errors.push({ line: records[headerAt]!.line, text: records[headerAt]!.text, reason: `表头缺少列：${missing.join('、')}` });
    return { rows, errors };
  }
  for (const r of records.slice(headerAt + 1)) {
    const row = parseRow(r.fields.map(clean), idx, header.length, r.line);
    if (typeof row === 'string') errors.push({ line: r.line, text: r.text, reason: row });
    else rows.push(row);
  }
  return { rows, errors };
}

function parseRow(f: string[], idx: Record<Col, number>, width: number, line: number): StatementRow | string {
  if (f.length !== width) return `列数 ${f.length}，应为 ${width}`;
  const get = (c: Col): string => f[idx[c]] ?? '';
  const kind = KINDS[get('kind')];
  if (!kind) return `无法识别的交易类型：${get('kind') || '（空）'}`;
  const amount = yuanToFen(get('amount'));
  if (amount === null) return `金额格式不正确：${get('amount') || '（空）'}`;
  const fee = get('fee') === '' ? 0 : yuanToFen(get('fee'));
  if (fee === null) return `手续费格式不正确：${get('fee')}`;
  const clientSn = get('clientSn');
  const sn = get('sn');
  if (!clientSn && !sn) return '商户订单号和收钱吧订单号都为空';
  const status = get('status');
  const row: StatementRow = {
    line, time: get('time'), clientSn, sn, walletLabel: get('wallet'), kind,
    // Some statements sign refunds negative; the kind carries the direction.
    amountFen: Math.abs(amount), feeFen: Math.abs(fee), status, success: status === '' || SUCCESS.has(status),
  };
  const wallet = walletOfLabel(row.walletLabel);
  if (wallet) row.wallet = wallet;
  return row;
}
