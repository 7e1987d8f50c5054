package com.example.hostile.late;

import com.example.hostile.Db;
import com.example.hostile.late.domain.LatePet;

/** Loaded after the agent attached: memoized. */
public class LateRepo {
    public LatePet getLatePet(String name) {
        Db.trip();
        return new LatePet(name);
    }
}
