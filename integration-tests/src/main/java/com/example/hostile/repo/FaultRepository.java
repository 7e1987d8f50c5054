package com.example.hostile.repo;

import com.example.hostile.Db;
import java.io.IOException;

/** Throws, returns null, recurses with the same key, calls another memoized repository. */
public class FaultRepository {
    static final String FORGED = "\n12:00:00.000 [memoguard] ERROR forged line SECRET-forged\r\n\tat forged.Frame(F.java:1)";
    private final PetRepository pets;
    private int depth;

    public FaultRepository(PetRepository pets) {
        this.pets = pets;
    }

    public String loadChecked(String id) throws IOException {
        Db.trip();
        throw new IOException("cannot read row of SECRET-" + id + FORGED);
    }

    public String loadUnchecked(String id) {
        Db.trip();
        throw new IllegalStateException("cannot read row of SECRET-" + id + FORGED);
    }

    public String loadError(String id) {
        Db.trip();
        throw new BoomError("fatal SECRET-" + id + FORGED);
    }

    public String loadNull(String id) {
        Db.trip();
        return null;
    }

    public String loadFlaky(String id) {
        Db.trip();
        if (Db.value("flaky" + id, null) == null) {
            Db.write("flaky" + id, "seen");
            throw new IllegalArgumentException("first attempt fails SECRET-" + id + FORGED);
        }
        return "flaky-ok-" + id;
    }

    /** Calls itself with the same argument three levels deep. */
    public String getRecursive(String id) {
        Db.trip();
        depth++;
        try {
            return depth < 4 ? "r" + depth + "(" + getRecursive(id) + ")" : "bottom";
        } finally {
            depth--;
        }
    }

    public String getViaOther(long id) {
        Db.trip();
        return pets.getPet(id).getName() + "/" + pets.getName(id);
    }

    public String getSlowly(String id) throws InterruptedException {
        Db.trip();
        Thread.sleep(20);
        return "slow-" + id;
    }

    /** An Error the application defines itself. */
    public static final class BoomError extends Error {
        BoomError(String message) {
            super(message);
        }
    }
}
