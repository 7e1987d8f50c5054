package com.example.containers.host;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Repeated full collections until a class loader is gone. Softly reachable objects (JDK caches
 * such as those of java.lang.invoke hold some) survive System.gc(), so from the third round on
 * each round first fills the heap until OutOfMemoryError, which clears every soft reference: what
 * still holds the loader after that is a real, strong leak. Run the host with a small -Xmx.
 */
final class LoaderGc {
    private static final int MAX_ROUNDS = 10;

    private LoaderGc() {
    }

    /** Returns the number of rounds it took, or {@code MAX_ROUNDS} if the loader is still reachable. */
    static int awaitCollected(WeakReference<ClassLoader> loader) throws InterruptedException {
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            if (round > 2) {
                exhaustHeap();
            }
            System.gc();
            if (loader.get() == null) {
                return round;
            }
            // containers release some references from their own background threads
            Thread.sleep(200);
        }
        return MAX_ROUNDS;
    }

    private static void exhaustHeap() {
        List<long[]> hog = new ArrayList<>();
        try {
            while (true) {
                hog.add(new long[1 << 20]);
            }
        } catch (OutOfMemoryError expected) {
            hog.clear();
        }
    }
}
