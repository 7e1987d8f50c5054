package com.example.hostile.late.domain;

/** Guarded; loaded before the agent is attached at run time. */
public class LatePet {
    public String name;

    public LatePet(String name) {
        this.name = name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "LatePet(" + name + ")";
    }
}
