/** How long Ruta takes at most from SIGINT/SIGTERM to exit, whatever state the database is in. */
export const SHUTDOWN_LIMIT_MS = 10_000;

interface Step {
  name: string;
  budgetMs: number;
  /** Resolves true when the step finished cleanly; gets the time it may take. */
  run(budgetMs: number): Promise<boolean | void>;
}

/**
 * The process's way out on SIGINT, SIGTERM and SIGHUP: steps registered as the things they stop come up (the database
 * first, then the HTTP server), run in reverse order, each within its budget and all within SHUTDOWN_LIMIT_MS, then
 * exit 0 when every step finished, 1 otherwise. A step that overruns is reported as a plain line and skipped.
 */
export class GracefulShutdown {
  private readonly steps: Step[] = [];
  private started = false;

  constructor(
    private readonly say: (line: string) => void,
    private readonly limitMs = SHUTDOWN_LIMIT_MS,
    private readonly exit: (code: number) => void = (code) => process.exit(code),
  ) {}

  get inProgress(): boolean {
    return this.started;
  }

  listen(): this {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void this.run(signal));
    return this;
  }

  /** Registers a step; the last registered runs first. */
  add(name: string, budgetMs: number, run: Step['run']): this {
    this.steps.unshift({ name, budgetMs, run });
    return this;
  }

  /** Runs the steps for a signal (`reason`), or quietly after a failed start-up (`failed`: exit 1, no lines). */
  async run(reason: string, options: { failed?: boolean } = {}): Promise<void> {
    if (this.started) {
      if (!options.failed) this.say(`${reason} received again: already shutting down (at most ${this.limitMs / 1000} s)`);
      return;
    }
    this.started = true;
    if (!options.failed) this.say(`${reason} received, shutting down`);
    const deadline = Date.now() + this.limitMs - 250;
    const watchdog = setTimeout(() => {
      this.say(`shutdown did not finish within ${this.limitMs / 1000} s: exiting now`);
      this.exit(1);
    }, this.limitMs - 100);
    let clean = true;
    for (const step of this.steps) {
      const budget = Math.max(0, Math.min(step.budgetMs, deadline - Date.now()));
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        step.run(budget).then(
          (result) => (result === false ? 'incomplete' : 'done'),
          (error: unknown) => `failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
        ),
        new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`did not finish within ${budget} ms`), budget))),
      ]);
      clearTimeout(timer);
      if (outcome !== 'done') {
        clean = false;
        if (!options.failed) this.say(`shutdown: ${step.name} ${outcome === 'incomplete' ? 'was cut short' : outcome}`);
      }
    }
    clearTimeout(watchdog);
    if (options.failed) return this.exit(1);
    this.say(clean ? 'Stopped' : 'Stopped (not cleanly, see above)');
    this.exit(clean ? 0 : 1);
  }
}
