/**
 * The far side of a printer link for integration tests: answers DLE EOT status queries (or
 * stays silent, like a printer on a one-way cable), strips real-time commands, and keeps
 * what would have been printed.
 */
import net from 'node:net';

export type PeerState = 'ok' | 'paper_out' | 'cover_open';

export interface PeerOptions { answerStatus: boolean; state?: PeerState }

const ANSWERS: Record<PeerState, Record<number, number>> = {
  ok: { 1: 0x12, 2: 0x12, 4: 0x12 },
  paper_out: { 1: 0x1a, 2: 0x32, 4: 0x72 },
  cover_open: { 1: 0x1a, 2: 0x16, 4: 0x12 },
};

export class PrinterPeer {
  printed = Buffer.alloc(0);
  statusQueries = 0;
  private carry = Buffer.alloc(0);
  constructor(private readonly reply: (b: Buffer) => void, readonly opts: PeerOptions) {}

  feed(chunk: Buffer): void {
    const data = Buffer.concat([this.carry, chunk]);
    const keep: number[] = [];
    let i = 0;
    for (; i < data.length; i++) {
      const b = data[i]!;
      if (b === 0x10 && (data[i + 1] === 0x04 || data[i + 1] === 0x05 || i + 1 >= data.length)) {
        if (i + 2 >= data.length) break; // incomplete real-time command: wait for more
        if (data[i + 1] === 0x04) this.answer(data[i + 2]!);
        i += 2;
        continue;
      }
      keep.push(b);
    }
    this.carry = data.subarray(i);
    this.printed = Buffer.concat([this.printed, Buffer.from(keep)]);
  }

  private answer(n: number): void {
    this.statusQueries++;
    if (!this.opts.answerStatus) return;
    const byte = ANSWERS[this.opts.state ?? 'ok'][n];
    if (byte !== undefined) this.reply(Buffer.from([byte]));
  }
}

export interface FakeNetworkPrinter {
  port: number;
  peers: PrinterPeer[];
  opts: PeerOptions & { closeFirstConnectionAfter?: number };
  close(): Promise<void>;
}

/** A TCP "printer" on 127.0.0.1:<random port>; one PrinterPeer per connection. */
export async function startNetworkPrinter(opts: PeerOptions & { closeFirstConnectionAfter?: number }): Promise<FakeNetworkPrinter> {
  const peers: PrinterPeer[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const peer = new PrinterPeer((b) => { if (!socket.destroyed) socket.write(b); }, opts);
    const first = peers.length === 0;
    peers.push(peer);
    socket.on('data', (d: Buffer) => {
      peer.feed(d);
      const limit = opts.closeFirstConnectionAfter;
      if (first && limit !== undefined && peer.printed.length >= limit) {
        peer.printed = peer.printed.subarray(0, limit); // the rest never reached the paper
        socket.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port, peers, opts,
    close: () => new Promise<void>((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }),
  };
}

export async function waitFor(cond: () => boolean, timeoutMs = 8000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
