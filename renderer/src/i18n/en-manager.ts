/** English for the keys in zh-CN-manager.ts (spread into en.ts). */
import type { zhCNManager } from './zh-CN-manager';

export const enManager: Record<keyof typeof zhCNManager, string> = {
  mgrPinTitlemixedTender: 'Manager PIN to switch mixed payment',
  mgrPinTitlepayout: 'Manager PIN for the payout',
  mixedTenderTitle: 'Mixed payment (QR + cash)',
  mixedTenderOn: 'On',
  mixedTenderOff: 'Off',
  mixedTenderEnable: 'Switch mixed payment on',
  mixedTenderDisable: 'Switch mixed payment off',
  payoutTitle: 'Payout (cash taken from the drawer)',
  payoutAmount: 'Amount (yuan)',
  payoutReason: 'Reason (required, e.g. coin bags)',
  payoutSubmit: 'Record the payout',
  payoutNeedAmount: 'Enter the payout amount',
  payoutNeedReason: 'Enter the reason for the payout',
  payoutDone: 'Payout recorded {x}: {r}',
  shiftSaleOpen: 'Mixed sale {id} is not fully paid: {due} still due ({paid} paid); finish or cancel it at the checkout before closing',
  engRoleLabel: 'Who',
  engRoleengineer: 'Engineer',
  engRolemanager: 'Manager',
  engPinmanager: 'Manager PIN',
  opRemove: 'Remove',
  opRemoveConfirm: 'Remove {role} "{name}"? Their PIN stops working.',
  opRemoveYes: 'Remove',
  opRemoveLast: 'The last one cannot be removed',
};
