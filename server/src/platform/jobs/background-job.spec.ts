import { Logger } from '@nestjs/common';
import { JobTimer } from './background-job';

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('JobTimer', () => {
  const logged: string[] = [];
  const logger = { warn: (message: string) => logged.push(message) } as unknown as Logger;
  beforeEach(() => (logged.length = 0));

  it('runs at start-up when asked, then on every tick, never two runs at once', async () => {
    const timer = new JobTimer(logger, 'Test job');
    let runs = 0;
    let concurrent = 0;
    let most = 0;
    timer.start(10, async () => {
      runs += 1;
      most = Math.max(most, ++concurrent);
      await pause(35); // longer than a tick: the ticks meanwhile are skipped
      concurrent -= 1;
    }, { atStart: true });
    await pause(5);
    expect(runs).toBe(1);
    await pause(120);
    await timer.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThanOrEqual(5);
    expect(most).toBe(1);
  });

  it('stops ticking, and stop() waits for the run in progress', async () => {
    const timer = new JobTimer(logger, 'Test job');
    let finished = 0;
    let started = 0;
    timer.start(5, async () => {
      started += 1;
      await pause(40);
      finished += 1;
    });
    await pause(15);
    expect(started).toBe(1);
    await timer.stop();
    expect(finished).toBe(1);
    await pause(30);
    expect(started).toBe(1);
  });

  it('logs a failed run by its facts only, never its message, and keeps ticking', async () => {
    const timer = new JobTimer(logger, 'Test job');
    let runs = 0;
    timer.start(5, async () => {
      runs += 1;
      throw Object.assign(new Error('duplicate key (phone)=(3001234567)'), { code: '23505', constraint: 'UQ_x' });
    });
    await pause(40);
    await timer.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(logged[0]).toBe('Test job failed: Error, code 23505, constraint UQ_x');
    expect(logged.join('\n')).not.toContain('3001234567');
  });

  it('does not run a start-up tick once stopped', async () => {
    const timer = new JobTimer(logger, 'Test job');
    let runs = 0;
    timer.start(1000, async () => void (runs += 1), { atStart: true });
    await timer.stop();
    await pause(10);
    expect(runs).toBe(0);
  });
});
