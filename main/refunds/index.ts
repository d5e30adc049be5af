export { RefundService, refundableFen, voidRefusal, type RefundDeps, type RefundOutcome } from './refund-service';
export { makeRefundNoFactory, type RefundKind } from './refund-no';
export { interpretRefund, refundApplied, type RefundAnswer } from './interpret-refund';
