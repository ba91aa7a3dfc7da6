import { createServer, Server, Socket, connect } from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that can stall: while stalled it accepts connections and reads what both sides
 * send but forwards nothing, as a frozen server or a dead network link looks to the client (the server never answers,
 * the connection never fails). `resume()` delivers what was held, in order, and forwards again.
 */
export class StallingProxy {
  private stalled = false;
  private readonly sockets = new Set<Socket>();
  private readonly flushes = new Set<() => void>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<StallingProxy> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxy = new StallingProxy(server, (server.address() as { port: number }).port);
    server.on('connection', (client) => proxy.relay(client, connect(target.port, target.host)));
    return proxy;
  }

  /** The same database URL, through the proxy. */
  route(url: string): string {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.toString();
  }

  stall(): void {
    this.stalled = true;
  }

  resume(): void {
    this.stalled = false;
    for (const flush of this.flushes) flush();
  }

  async close(): Promise<void> {
    this.resume();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket, upstream: Socket): void {
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    }
    const held: [Socket, Buffer][] = [];
    const forward = (to: Socket) => (chunk: Buffer) => {
      if (this.stalled) held.push([to, chunk]);
      else if (!to.destroyed) to.write(chunk);
    };
    const flush = () => {
      for (const [to, chunk] of held.splice(0)) if (!to.destroyed) to.write(chunk);
    };
    this.flushes.add(flush);
    client.on('data', forward(upstream));
    upstream.on('data', forward(client));
    const end = () => {
      this.flushes.delete(flush);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  }
}
