package com.example.hostile.repo;

import com.example.hostile.Db;
import com.example.hostile.Out;

/** Answers depend on everything the method can observe of its arguments: order, class, comparator. */
public class ArgRepository {

    public String findDescribed(Object arg) {
        Db.trip();
        return Out.render(arg);
    }

    public String findPair(Object a, Object b) {
        Db.trip();
        return Out.render(a) + "|" + Out.render(b);
    }

    public String findAll(String... names) {
        Db.trip();
        return Out.render(names);
    }

    public String findByDouble(double d) {
        Db.trip();
        return "d=" + d + " inv=" + (1 / d);
    }

    public String findByFloat(float f) {
        Db.trip();
        return "f=" + f + " inv=" + (1 / f);
    }

    public String findByChar(char c) {
        Db.trip();
        return "c=" + (int) c;
    }

    public String findByLong(long l) {
        Db.trip();
        return "l=" + l;
    }

    public String findByBoolean(boolean b) {
        Db.trip();
        return "b=" + b;
    }

    public String findByInts(int[] values) {
        Db.trip();
        return Out.render(values);
    }
}
