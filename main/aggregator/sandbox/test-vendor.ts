/**
 * The sandbox's built-in test vendor (服务商). The app auto-activates with these on first start
 * when it talks to the embedded sandbox. They are public test values, not secrets.
 */
export const TEST_VENDOR_SN = '91800000000';
export const TEST_VENDOR_KEY = 'yima-sandbox-vendor-key';
export const TEST_APP_ID = '2026000000000001';
/** Activation code with unlimited uses; any other code is refused (激活码不存在). */
export const TEST_ACTIVATION_CODE = '88888888';

export const TEST_VENDOR = {
  vendorSn: TEST_VENDOR_SN,
  vendorKey: TEST_VENDOR_KEY,
  appId: TEST_APP_ID,
  activationCode: TEST_ACTIVATION_CODE,
} as const;
