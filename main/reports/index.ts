/** Store-manager reports: totals, shift close (Z), reconciliation, settlement, CSV. Pure modules. */
export * from './types';
export * from './totals';
export * from './shift';
export * from './statement';
export * from './reconcile';
export * from './settlement';
export * from './csv';
export * from './cash-count';
