/**
 * One signed POST to the Upay platform, returning a parsed envelope. Never throws: transport
 * failures become `unknown` envelopes. Keys and signatures are never logged.
 */
import type { HttpPost } from './http';
import { upayHeaders } from './sign';
import { parseResponse, transportFailure, type Envelope } from './wire';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFn = (level: LogLevel, msg: string, fields: Record<string, unknown>) => void;

export interface UpayClient {
  /** POST `body` (already serialized — sent byte for byte as signed) to `path`, signed with sn/key. */
  post(path: string, body: string, sn: string, key: string): Promise<Envelope>;
}

export function createUpayClient(opts: { baseUrl: string; http: HttpPost; timeoutMs: number; log: LogFn }): UpayClient {
  const base = opts.baseUrl.replace(/\/+$/, '');
  return {
    async post(path, body, sn, key) {
      const started = Date.now();
      let env: Envelope;
      let httpStatus: number | undefined;
      try {
        const headers = upayHeaders(body, sn, key);
        const res = await opts.http(base + path, body, headers, opts.timeoutMs);
        httpStatus = res.status;
        env = parseResponse(res.status, res.body);
      } catch (err) {
        env = transportFailure(err);
      }
      const fields: Record<string, unknown> = { path, httpStatus, kind: env.kind, ms: Date.now() - started };
      if (env.kind === 'ok') {
        fields.bizCode = env.biz.result_code;
        opts.log('info', 'upay call', fields);
      } else if (env.kind === 'rejected') {
        opts.log('warn', 'upay call rejected', { ...fields, errorCode: env.errorCode, message: env.message });
      } else {
        opts.log('warn', 'upay call outcome unknown', { ...fields, reason: env.reason, message: env.message });
      }
      return env;
    },
  };
}
