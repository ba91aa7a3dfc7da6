import type { IncomingMessage, Server, ServerResponse } from 'node:http';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Lets an HTTP server finish the requests it has started before it closes. Once draining, the server accepts no
 * connection, answers a new request on a kept-alive connection with 503 and `Connection: close`, and closes each
 * connection as soon as its last response is sent.
 */
export class RequestDrain {
  private readonly inFlight = new Set<ServerResponse>();
  private draining = false;

  constructor(private readonly server: Server) {
    const handlers = server.listeners('request') as Handler[];
    server.removeAllListeners('request');
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (this.draining) {
        response.writeHead(503, { 'Content-Type': 'application/problem+json', Connection: 'close', 'Retry-After': '5' });
        response.end(
          JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'The server is shutting down' }),
        );
        return;
      }
      this.inFlight.add(response);
      response.once('close', () => this.inFlight.delete(response));
      for (const handler of handlers) handler.call(server, request, response);
    });
  }

  get pending(): number {
    return this.inFlight.size;
  }

  /** Stops accepting, waits up to `limitMs` for the requests in flight, then cuts what is left. True if all finished. */
  async close(limitMs: number): Promise<boolean> {
    this.draining = true;
    this.server.close(() => undefined);
    for (const response of this.inFlight) if (!response.headersSent) response.setHeader('Connection', 'close');
    const deadline = Date.now() + limitMs;
    while (this.inFlight.size > 0 && Date.now() < deadline) {
      this.server.closeIdleConnections();
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const drained = this.inFlight.size === 0;
    this.server.closeAllConnections();
    return drained;
  }
}
