package com.example.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A batch entry point ({@code scenario*} is a request boundary) that reads many distinct large
 * rows in one request, more than the heap could keep, and a blob stream read twice. Prints
 * {@code RESULT name key=value...} lines that must not depend on the agent.
 */
public final class BatchApp {
    private final BlobRepository repository = new BlobRepository();

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        BatchApp app = new BatchApp();
        app.scenarioBlob();
        app.scenarioBatch(rows);
        // the harness waits for this line; there is no server, the run is complete
        System.out.println("LISTENING port=0");
    }

    public void scenarioBlob() throws IOException {
        String first;
        String second;
        try (InputStream in = repository.loadBlob("b1")) {
            first = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (InputStream in = repository.loadBlob("b1")) {
            second = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        System.out.println("RESULT blob first=" + first.replace(' ', '_') + " second="
                + second.replace(' ', '_'));
    }

    public void scenarioBatch(int rows) {
        long sum = 0;
        for (long id = 1; id <= rows; id++) {
            sum = sum * 31 + checksum(repository.findRow(id));
            // a row read again right away, as a batch re-reading its current record does
            sum = sum * 31 + checksum(repository.findRow(id));
        }
        System.out.println("RESULT batch rows=" + rows + " sum=" + sum);
    }

    private static long checksum(Row row) {
        long s = row.id;
        for (byte b : row.payload) {
            s = s * 17 + b;
        }
        return s;
    }
}
