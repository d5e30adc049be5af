export { startCmbSandbox, CMB_API_PREFIX, type CmbSandbox, type CmbSandboxOptions } from './server';
export { SANDBOX_BANK_KEYS, SANDBOX_MERCHANT } from './test-keys';
