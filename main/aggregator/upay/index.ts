export { createUpayDriver, DEFAULT_TIMEOUT_MS, type UpayDriverOptions } from './driver';
export { nodeHttpPost, HttpTransportError, classifyFetchError, type HttpPost, type TransportErrorKind } from './http';
export { upaySign, upayHeaders, serializeBody } from './sign';
export type { LogFn, LogLevel } from './client';
