package com.example.hygiene.iso;

/** The superclass whose class file the hostile loader refuses to hand out. */
public abstract class IsoBase {
    protected String prefix() {
        return "row-";
    }
}
