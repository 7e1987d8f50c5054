package com.example.hostile.chain.domain;

/** Guarded top of a chain guarded - unguarded - guarded. */
public class A {
    public int a;

    public final void setA(int a) {
        this.a = a;
    }
}
