package io.memoguard.it;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A value computed at most once, failure included: when starting an application run fails, every
 * test that needs the run reports that failure instead of starting the JVM again.
 */
final class Once<T> {
    private final Supplier<T> supplier;
    private T value;
    private Throwable failure;
    private boolean done;

    Once(Supplier<T> supplier) {
        this.supplier = supplier;
    }

    synchronized T get() {
        if (!done) {
            done = true;
            try {
                value = supplier.get();
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new AssertionError("this run failed (reported once, shared by every test using it): " + failure.getMessage(), failure);
        }
        return value;
    }

    /**
     * Computes every value on its own thread and waits for all: for application runs whose JVM
     * start-up dominates a test class. A failure stays in its Once, for the tests that need it.
     */
    static void computeTogether(Collection<? extends Once<?>> onces) {
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (Once<?> once : onces) {
            started.add(CompletableFuture.runAsync(() -> {
                try {
                    once.get();
                } catch (AssertionError reportedByEachTestThatNeedsIt) {
                    // kept by the Once
                }
            }));
        }
        CompletableFuture.allOf(started.toArray(new CompletableFuture<?>[0])).join();
    }
}
