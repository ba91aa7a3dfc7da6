import { GracefulShutdown } from './graceful-shutdown';

describe('GracefulShutdown', () => {
  function shutdown(limitMs = 1000) {
    const lines: string[] = [];
    const exits: number[] = [];
    const subject = new GracefulShutdown(
      (line) => lines.push(line),
      limitMs,
      (code) => exits.push(code),
    );
    return { subject, lines, exits };
  }

  it('runs the steps last registered first and exits 0 when all finish', async () => {
    const { subject, lines, exits } = shutdown();
    const order: string[] = [];
    subject.add('database', 500, async () => void order.push('database'));
    subject.add('requests', 500, async () => void order.push('requests'));
    await subject.run('SIGTERM');
    expect(order).toEqual(['requests', 'database']);
    expect(exits).toEqual([0]);
    expect(lines).toEqual(['SIGTERM received, shutting down', 'Stopped']);
  });

  it('cuts a step that overruns its budget, goes on with the next, and exits 1 within the limit', async () => {
    const { subject, lines, exits } = shutdown();
    let databaseStopped = false;
    subject.add('stopping the database', 300, async () => void (databaseStopped = true));
    subject.add('closing the application', 100, () => new Promise<void>(() => undefined));
    const started = Date.now();
    await subject.run('SIGINT');
    expect(Date.now() - started).toBeLessThan(600);
    expect(databaseStopped).toBe(true);
    expect(lines).toContain('shutdown: closing the application did not finish within 100 ms');
    expect(exits).toEqual([1]);
  });

  it('ignores a second signal while it is shutting down', async () => {
    const { subject, lines, exits } = shutdown();
    subject.add('slow', 200, () => new Promise<void>((resolve) => setTimeout(resolve, 50)));
    const first = subject.run('SIGTERM');
    await subject.run('SIGINT');
    await first;
    expect(lines).toContain('SIGINT received again: already shutting down (at most 1 s)');
    expect(exits).toEqual([0]);
  });

  it('after a failed start-up stops what started without a word and exits 1', async () => {
    const { subject, lines, exits } = shutdown();
    subject.add('database', 100, async () => undefined);
    await subject.run('start-up failure', { failed: true });
    expect(lines).toEqual([]);
    expect(exits).toEqual([1]);
  });
});
