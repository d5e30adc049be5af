export { startSandbox, type Sandbox, type SandboxOptions, type SandboxRequestEvent } from './server';
export { TEST_VENDOR, TEST_VENDOR_SN, TEST_VENDOR_KEY, TEST_APP_ID, TEST_ACTIVATION_CODE } from './test-vendor';
export { sign } from './protocol';
export { WALLET_PAGE_TITLE } from './wallet-page';
export { STATEMENT_HEADER } from './statement';
export { FAULT_KINDS, FAULT_OPS, type FaultKind, type FaultOp } from './faults';
export { BEHAVIOURS, type Behaviour } from './state';
