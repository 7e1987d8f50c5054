package io.memoguard.runtime;

/**
 * A task wrapped by {@link HandOff#wrap}. It is its own key in {@link PendingTasks}, so it keeps
 * no reference to the request: dropped unrun, it keeps nothing alive. Run again, it runs without
 * the request, which by then may have ended.
 */
final class HandedOffRunnable implements Runnable {
  private final Runnable task;

  HandedOffRunnable(Runnable task) {
    this.task = task;
  }

  @Override
  public void run() {
    Object begun = HandOff.begin(this);
    try {
      task.run();
    } finally {
      HandOff.end(begun);
    }
  }

  @Override
  public String toString() {
    return task.toString();
  }
}
