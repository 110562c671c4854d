// Runs `step` repeatedly: again at once while it finds work, after `pollMs` (or a wake()) when idle.
// An error in a step is logged and the loop goes on after the idle pause; it never crashes the process.
import type { Logger } from "./create-logger.ts";

export class PollLoop {
  private running = false;
  private done: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;

  constructor(
    private readonly name: string,
    private readonly step: () => Promise<boolean>,
    private readonly pollMs: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.done = this.run();
  }

  /** Ends the idle wait early (new work was stored by this process). */
  wake(): void {
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.done;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let didWork = false;
      try {
        didWork = await this.step();
      } catch (err) {
        this.log.error({ err, loop: this.name }, "worker step failed");
      }
      if (!didWork && this.running) await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(finish, this.pollMs);
      this.wakeUp = finish;
    });
  }
}
