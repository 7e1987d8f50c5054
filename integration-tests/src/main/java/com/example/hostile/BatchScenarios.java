package com.example.hostile;

import com.example.hostile.domain.Pet;
import com.example.hostile.domain.Row;
import com.example.hostile.repo.PetRepository;
import com.example.hostile.repo.RowRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Big batches inside one request, and work handed to other threads. */
final class BatchScenarios {
    /** Rows of the batch: together several times the heap the runs get (-Xmx, see HostileHostIT). */
    static final int ROWS = 3000;
    static final int ROW_BYTES = 64 * 1024;

    private BatchScenarios() {
    }

    static void register(Registry r) {
        PetRepository pets = new PetRepository();
        RowRepository rows = new RowRepository();
        r.add("batch-distinct-large-rows", "MAY F", out -> {
            long checksum = 0;
            for (int i = 0; i < ROWS; i++) {
                Row row = rows.getRow(i, ROW_BYTES);
                checksum += row.getData()[0] + row.getData()[ROW_BYTES - 1];
            }
            out.p("checksum", checksum);
            out.p("first-again", rows.getRow(0, ROW_BYTES).getId());
        });
        r.add("batch-many-small-entries", "MAY F", out -> {
            long length = 0;
            for (int i = 0; i < 15_000; i++) {
                length += pets.getName(10_000 + i).length();
            }
            for (int i = 0; i < 100; i++) {
                length += pets.getName(10_000 + i).length();
            }
            out.p("length", length);
        });
        r.add("batch-executor-fan-out", "MAY F", out -> {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> futures = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    long id = 40 + i % 3;
                    futures.add(pool.submit(() -> pets.getPet(id).render()));
                }
                for (int i = 0; i < futures.size(); i++) {
                    out.p("task" + i, futures.get(i).get());
                }
            } finally {
                pool.shutdown();
            }
        });
        r.add("batch-parallel-stream", "MAY F", out -> out.p("names", IntStream.range(0, 40).parallel()
                .mapToObj(i -> pets.getName(50 + i % 4)).sorted().collect(Collectors.joining(","))));
        r.add("batch-completable-futures", "MAY F", out -> {
            List<CompletableFuture<Pet>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                futures.add(CompletableFuture.supplyAsync(() -> pets.getPet(60)));
            }
            for (CompletableFuture<Pet> f : futures) {
                out.p("pet", f.join());
            }
        });
        r.add("batch-thread-writes-shared-result", "MAY", out -> {
            Pet pet = pets.getPet(61);
            Thread writer = new Thread(() -> pet.setName("SECRET-thread"));
            writer.start();
            writer.join();
            out.p("again", pets.getPet(61));
        });
    }
}
