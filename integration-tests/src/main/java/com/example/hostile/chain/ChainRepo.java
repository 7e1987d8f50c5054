package com.example.hostile.chain;

import com.example.hostile.Db;
import com.example.hostile.chain.domain.B;

public class ChainRepo {
    private static final ChainRepo INSTANCE = new ChainRepo();

    public B getB(int id) {
        Db.trip();
        B b = new B();
        b.setA(id);
        b.m = id;
        b.b = id;
        return b;
    }

    /** Runs inside the request from the loader that loaded this class. */
    public static String exercise() {
        B first = INSTANCE.getB(1);
        String loaded = first.toString();
        first.setA(10);
        first.m = 20;
        first.b = 30;
        return loaded + " " + first + " " + INSTANCE.getB(1) + " " + INSTANCE.getB(1);
    }
}
