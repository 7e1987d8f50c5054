package com.example.hostile.chain.domain;

import com.example.hostile.chain.mid.M;

public class B extends M {
    public int b;

    @Override
    public String toString() {
        return "B(" + a + "," + m + "," + b + ")";
    }
}
