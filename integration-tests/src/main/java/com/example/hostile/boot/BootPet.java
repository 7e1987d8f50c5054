package com.example.hostile.boot;

/** Guarded, and put on -Xbootclasspath/a by the layout test: written directly by application code. */
public class BootPet {
    public String name;
    public int age;

    public BootPet(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "BootPet(" + name + "," + age + ")";
    }
}
