/** Reading a request and writing a reply, for both platforms' sandboxes. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Reply } from './protocol';

const MAX_BODY = 1 << 20;

/** The whole body, refused past 1 MiB (a sandbox is still a server on this machine). */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Writes the reply, or destroys the socket where the reply says so (a lost answer). */
export function send(res: ServerResponse, r: Reply): void {
  if (r.destroy) {
    res.socket?.destroy();
    return;
  }
  const headers: Record<string, string | number> = { 'content-length': Buffer.byteLength(r.body), ...r.headers };
  if (r.contentType) headers['content-type'] = r.contentType;
  res.writeHead(r.status, headers);
  res.end(r.body);
}
