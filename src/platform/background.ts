/**
 * Work a request starts but does not wait for (e.g. texting a recovery code, whose provider call
 * would otherwise make "this number has an account" measurable by the answer's timing). Failures
 * are logged, never lost silently; `settled()` waits for what is running (shutdown and tests).
 */
export function createBackground(log: { error(obj: object, msg: string): void }) {
  const running = new Set<Promise<void>>();
  return {
    run(name: string, work: () => Promise<unknown>): void {
      const task: Promise<void> = work().then(
        () => undefined,
        (err: unknown) => log.error({ err, task: name }, 'background task failed'),
      );
      running.add(task);
      void task.finally(() => running.delete(task));
    },
    async settled(): Promise<void> {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
export type Background = ReturnType<typeof createBackground>;
