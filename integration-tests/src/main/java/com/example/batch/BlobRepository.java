package com.example.batch;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Memoized. Rows are large and distinct; blobs are streams, consumed by their reader. */
public class BlobRepository {
    static final int ROW_BYTES = 100_000;
    int loads;

    public InputStream loadBlob(String id) {
        loads++;
        return new ByteArrayInputStream(("blob " + id + " content").getBytes(StandardCharsets.UTF_8));
    }

    public Row findRow(long id) {
        loads++;
        byte[] payload = new byte[ROW_BYTES];
        Arrays.fill(payload, (byte) (id * 31));
        payload[0] = (byte) id;
        return new Row(id, payload);
    }
}
