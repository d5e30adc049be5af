/**
 * zh-CN catalogue, the store manager's switches and staff: mixed tender on/off, payouts (支出),
 * the open mixed sale at shift close, settings unlocked with the manager PIN, removing an operator.
 * Spread into zh-CN.ts (MessageKey covers these keys too).
 */
export const zhCNManager = {
  mgrPinTitlemixedTender: '开关混合支付需要店长 PIN',
  mgrPinTitlepayout: '支出需要店长 PIN',
  mixedTenderTitle: '混合支付（扫码 + 现金）',
  mixedTenderOn: '已开启',
  mixedTenderOff: '已关闭',
  mixedTenderEnable: '开启混合支付',
  mixedTenderDisable: '关闭混合支付',
  payoutTitle: '支出（从钱箱取出现金）',
  payoutAmount: '金额（元）',
  payoutReason: '原因（必填，如：买零钱袋）',
  payoutSubmit: '记录支出',
  payoutNeedAmount: '请输入支出金额',
  payoutNeedReason: '请填写支出原因',
  payoutDone: '已记录支出 {x}：{r}',
  shiftSaleOpen: '混合支付 {id} 尚未收完：还差 {due}（已收 {paid}），交班前请先在收银台收完或取消',
  engRoleLabel: '身份',
  engRoleengineer: '工程师',
  engRolemanager: '店长',
  engPinmanager: '店长 PIN',
  opRemove: '删除',
  opRemoveConfirm: '删除{role}“{name}”？此人的 PIN 将失效。',
  opRemoveYes: '确认删除',
  opRemoveLast: '最后一个，不能删除',
} as const;
