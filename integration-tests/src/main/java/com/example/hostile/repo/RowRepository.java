package com.example.hostile.repo;

import com.example.hostile.Db;
import com.example.hostile.domain.Row;

/** Large rows: a batch of distinct ones must fit in the heap that fits them without the agent. */
public class RowRepository {

    public Row getRow(long id, int bytes) {
        Db.trip();
        byte[] data = new byte[bytes];
        data[0] = (byte) id;
        data[bytes - 1] = (byte) (id >> 8);
        return new Row(id, data);
    }
}
