export { createUpayDriver, DEFAULT_TIMEOUT_MS, type UpayDriverOptions } from './driver';
export { nodeHttpPost, HttpTransportError, classifyFetchError, type HttpPost, type TransportErrorKind } from './http';
export { upaySign, upayHeaders, serializeBody } from './sign';
export type { LogFn, LogLevel } from './client';
export { UPAY_PAYWAY, UPAY_SUB_PAYWAY, UPAY_PAYWAY_NAMES, WALLET_BY_PAYWAY, paywayForWallet, isDocumentedPayway, isDocumentedSubPayway, type UpayPayway, type UpaySubPayway } from './payway';
export { wapSign, buildUnifiedQrUrl, DEFAULT_GATEWAY_URL, DEFAULT_RETURN_URL } from './wap-gateway';
export { UPAY_FIELD_MAX, checkRequestFields } from './limits';
