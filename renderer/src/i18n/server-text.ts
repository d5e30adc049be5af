/**
 * Messages the main process writes (progress lines, results, refusals) are Chinese: they are also
 * journaled and printed. The screen shows them in the cashier's language through this table.
 * `{x}` is a variable part (an amount, the aggregator's own reason), itself translated when known.
 */
import type { Locale } from './index';

const EN: Array<[string, string]> = [
  ['请顾客用微信、支付宝或云闪付扫码', 'Ask the customer to scan with WeChat, Alipay or UnionPay'],
  ['请顾客用所选钱包扫码', 'Ask the customer to scan with the chosen wallet'],
  ['已取消，顾客未支付', 'Cancelled, the customer did not pay'],
  ['请先选择顾客用的钱包（微信支付、支付宝或云闪付）', 'Choose the customer\'s wallet first (WeChat Pay, Alipay or UnionPay)'],
  ['用户支付中，请稍候（顾客可能需要输入密码）', 'Customer is paying, please wait (they may need to enter a password)'],
  ['正在确认支付结果…', 'Confirming the payment…'],
  ['正在撤销…', 'Reversing…'],
  ['正在查询…', 'Querying…'],
  ['已恢复未完成的收款，请顾客扫码', 'Unfinished payment recovered: ask the customer to scan'],
  ['已恢复未完成的收款，正在确认', 'Unfinished payment recovered: confirming'],
  ['正在生成收款码…', 'Creating the payment QR…'],
  ['正在发起扣款…', 'Charging the payment code…'],
  ['二维码已过期，正在关闭订单…', 'QR expired, closing the order…'],
  ['支付超时，正在撤销…', 'Payment timed out, reversing…'],
  ['结果未知（{x}），正在查询…', 'Outcome unknown ({x}), querying…'],
  ['下单失败：{x}', 'Order could not be created: {x}'],
  ['下单结果未知', 'Order outcome unknown'],
  ['请重新收款', 'Please collect again'],
  ['支付失败：{x}', 'Payment failed: {x}'],
  ['请顾客刷新付款码后重新扫码', 'Ask the customer to refresh the payment code and scan again'],
  ['二维码已过期，顾客未支付', 'QR expired, the customer did not pay'],
  ['如需继续收款，请重新收款', 'To continue, collect again'],
  ['支付成功', 'Paid'],
  ['支付平台没有这笔订单，顾客未被扣款', 'The platform has no such order; the customer was not charged'],
  ['二维码已过期，订单已关闭', 'QR expired, the order is closed'],
  ['已撤销：顾客未在时限内完成支付', 'Reversed: the customer did not pay in time'],
  ['已撤销（如已扣款，将原路退回）', 'Reversed (any charge goes back to the customer)'],
  ['需人工确认：{x}', 'Needs a manual check: {x}'],
  ['请勿交货；点“再次查询”确认结果', 'Do not hand over the goods; press "Query again" to confirm'],
  ['金额不一致：应收 {x}，平台记录 {y}', 'Amount differs: due {x}, the platform recorded {y}'],
  ['正在恢复上次未完成的收款，请稍候', 'Recovering the last unfinished payment, please wait'],
  ['上一笔收款尚未结束', 'The previous payment has not finished yet'],
  ['无法写入交易记录，未发起收款：{x}', 'Could not write the journal, nothing was charged: {x}'],
  ['请输入金额', 'Enter an amount'],
  ['金额不能为负数', 'The amount cannot be negative'],
  ['金额最多两位小数', 'At most two decimals'],
  ['金额必须大于 0', 'The amount must be more than 0'],
  ['金额超过上限 {x}', 'The amount is over the limit of {x}'],
  ['金额格式不正确：{x}', 'Not an amount: {x}'],
  ['没有扫到内容，请重新扫码', 'Nothing was scanned, please scan again'],
  ['扫到的不是付款码：{x}', 'That is not a payment code: {x}'],
  ['这是商品条码（{x}），不是付款码', 'That is a goods barcode ({x}), not a payment code'],
  ['无法识别的付款码（{x}，{y}位），请让顾客刷新后重扫', 'Unknown payment code ({x}, {y} digits); ask the customer to refresh and scan again'],
  ['这个付款码已经扫过，不会重复扣款；如需再次收款，请顾客刷新付款码', 'This payment code was already scanned and will not be charged twice; ask the customer to refresh it to pay again'],
  ['交易记录无法保存，收款码未显示：{x}', 'The journal could not be saved, so the QR was not shown: {x}'],
  ['交易记录无法保存，未能撤销：{x}', 'The journal could not be saved, so nothing was reversed: {x}'],
  ['{x}（警告：交易记录保存失败 {y}）', '{x} (warning: the journal could not be saved {y})'],
  ['二维码已过期', 'QR expired'],
  ['顾客已取消支付', 'The customer cancelled'],
  ['订单已撤销', 'Order reversed'],
  ['余额不足', 'Insufficient balance'],
  ['付款码已过期', 'Payment code expired'],
  ['网络超时', 'Network timeout'],
  ['支付成功（现金）', 'Paid (cash)'],
  ['支付成功（混合支付，现金 {x}）', 'Paid (mixed: {x} in cash)'],
  ['实收 {x} 少于应收 {y}，还差 {z}', 'Received {x} is less than the {y} due: {z} short'],
  ['已收现金 {x}，待收 {y}：请按“收款”出示二维码，或扫顾客付款码', '{x} cash taken, {y} due: press Collect for the QR, or scan the customer\'s code'],
  ['没有这笔未完成的混合支付', 'No such open mixed payment'],
  ['还有一笔混合支付未完成，请先收完或取消', 'A mixed payment is still open: finish or cancel it first'],
  ['扫码部分尚未结束，请稍候', 'The wallet part has not finished yet, please wait'],
  ['这笔交易已结束', 'This sale is already finished'],
  ['超过待收金额 {x}', 'More than the {x} due'],
  ['无法写入交易记录，未收现金：{x}', 'Could not write the journal, no cash was recorded: {x}'],
  ['请输入实收现金', 'Enter the cash received'],
  ['请输入备用金', 'Enter the opening float'],
  ['钱箱已打开', 'Drawer opened'],
  ['未配置打印机，钱箱无法自动打开，请用钥匙打开', 'No printer is set up, so the drawer cannot open by itself: use the key'],
  ['钱箱未能打开（打印机：{x}），请用钥匙打开', 'The drawer did not open (printer: {x}): use the key'],
  ['交易已取消，请退还顾客现金 {x}', 'Sale cancelled: give the customer {x} cash back'],
  ['不能交班：混合支付 {x} 尚未收完（应收 {y}，已收 {z}，还差 {w}）。请先在收银台收完，或取消这笔交易并退还现金。', 'Cannot close the shift: mixed sale {x} is not fully paid ({y} in all, {z} paid, {w} still due). Finish it at the checkout, or cancel it and give the cash back.'],
  ['请填写支出原因', 'Enter the reason for the payout'],
  ['请输入支出金额', 'Enter the payout amount'],
  ['已删除 {x}', 'Removed {x}'],
  ['已保存 {x} 的 PIN', 'PIN saved for {x}'],
  ['不能删除最后一个店长', 'The last manager cannot be removed'],
  ['不能删除最后一个工程师', 'The last engineer cannot be removed'],
  ['第 {x} 班尚未交班（{y} 开班），请先交班', 'Shift {x} is still open (opened by {y}): close it first'],
  ['不能交班：{x}。请先在订单中“再次查询”，结果确定后再交班。', 'Cannot close the shift: {x}. Press "Query again" on those orders and close the shift once their outcome is known.'],
  // Two messages joined by a Chinese semicolon, each translated on its own (after every whole message above).
  ['{x}；{y}', '{x}; {y}'],
  ['{x} 笔支付尚未确定结果（{y}）', '{x} payment(s) with an unknown outcome ({y})'],
  ['{x} 笔退款尚未完成（{y}）', '{x} refund(s) not finished ({y})'],
  ['没有第 {x} 号交班报表（Z 报表）', 'There is no Z report number {x}'],
  ['PIN 已更改', 'PIN changed'],
];

interface Rule { re: RegExp; en: string; vars: string[] }
const RULES: Rule[] = EN.map(([zh, en]) => {
  const vars = [...zh.matchAll(/\{(\w)\}/g)].map((m) => m[1]!);
  const re = new RegExp(`^${zh.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w\}/g, '(.+?)')}$`, 's');
  return { re, en, vars };
});

export function serverText(text: string, locale: Locale): string {
  if (locale === 'zh-CN') return text;
  for (const rule of RULES) {
    const m = rule.re.exec(text);
    if (!m) continue;
    return rule.vars.reduce((out, v, i) => out.replace(`{${v}}`, serverText(m[i + 1] ?? '', locale)), rule.en);
  }
  return text;
}
