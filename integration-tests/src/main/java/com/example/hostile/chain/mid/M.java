package com.example.hostile.chain.mid;

import com.example.hostile.chain.domain.A;

/** Outside guard.packages, between two guarded classes. */
public class M extends A {
    public int m;
}
