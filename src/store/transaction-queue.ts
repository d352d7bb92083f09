// Writes of one connection, one transaction at a time. A writer's statements are awaited
// (PostgreSQL answers over the network; SQLite's writer shares that code), so two saves
// started together would otherwise interleave their statements inside one transaction.
export class TransactionQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` once every task queued before it has settled. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => {}); // a failed task fails its caller, not the next one
    return result;
  }
}
