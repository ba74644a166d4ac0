// Results of async tasks taken one by one in input order, while the next tasks already run: the
// reader's file system calls and zip scans wait on I/O, so one file's parse (synchronous) fills
// the wait of the next ones. The read-ahead is bounded twice: at most `ahead` tasks started and
// not yet taken, and no new task while the results done and not yet taken weigh more than the
// budget.

export interface AheadLimits {
  /** Tasks started and not yet taken, at most; 1 runs them one at a time. */
  ahead: number;
  /** The weight of results done and not yet taken above which no task is started. */
  budget: number;
}

export async function* inOrderAhead<T, R>(
  items: readonly T[],
  task: (item: T) => Promise<R>,
  weight: (result: R) => number,
  limits: AheadLimits,
): AsyncGenerator<R> {
  const started: (Promise<R> | undefined)[] = [];
  let held = 0;
  const start = (item: T) => {
    const p = task(item).then((r) => {
      held += weight(r);
      return r;
    });
    // A task that fails is reported when taken; one never taken (an earlier one failed) is not
    // an unhandled rejection.
    p.catch(() => {});
    return p;
  };
  for (let taken = 0; taken < items.length; taken++) {
    while (
      started.length < items.length &&
      started.length - taken < limits.ahead &&
      held <= limits.budget
    ) {
      started.push(start(items[started.length]!));
    }
    const result = await started[taken]!;
    started[taken] = undefined; // taken: its memory is the caller's now
    held -= weight(result);
    yield result;
  }
}
