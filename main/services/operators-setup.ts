/**
 * The operators feature: the PIN book and the signed-in operator (shared by the checkout, cash,
 * manager and engineer through typed ports), the scanner's target on the Orders screen, and the
 * operator-profile actions.
 */
import { openOperators, type Operators } from '../manager/operators';
import { createScanRouter, type ScanRouter } from '../manager/scan-target';
import type { Core } from './core';
import { operatorHandlers, type OperatorHandlers } from './operator-handlers';
import type { OperatorName, PinCheck } from './ports';
import { zhText } from '../shared/zh-text';

export interface OperatorsFeature {
  operators: Operators;
  scanRouter: ScanRouter;
  checkPin: PinCheck;
  operatorName: OperatorName;
  handlers: OperatorHandlers;
}

export function setupOperators(core: Core, opts: { pinCost?: number } = {}): OperatorsFeature {
  const { journal, clock, log, bus, settings } = core;
  const operators = openOperators({ dataDir: core.dataDir, append: (b) => journal.append(b), clock: () => clock.now(), log, pinCost: opts.pinCost, onChange: (operator) => bus.emit('operator', { operator }) });
  const pinProblem = operators.pinFileProblem();
  if (pinProblem) { core.warnings.push(pinProblem); log(zhText(pinProblem)); }
  // On the Orders screen a scan is an order number, not a payment code.
  const scanRouter = createScanRouter((code) => bus.emit('orderScan', { code, at: clock.now() }));
  return {
    operators,
    scanRouter,
    checkPin: (role, pin, action) => operators.session.verify(role, pin, action),
    operatorName: () => operators.session.nameOr(settings.get().operator.name),
    handlers: operatorHandlers({ operators, scanRouter }),
  };
}
