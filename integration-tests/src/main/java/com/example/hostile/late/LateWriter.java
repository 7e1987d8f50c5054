package com.example.hostile.late;

import com.example.hostile.Out;
import com.example.hostile.late.domain.LatePet;

/** Loaded after the agent attached: its writes to LatePet (loaded before) are rewritten. */
public final class LateWriter {
    private LateWriter() {
    }

    public static void exercise(Out o, LatePet early) {
        LateRepo repo = new LateRepo();
        LatePet pet = repo.getLatePet("SECRET-late");
        o.p("loaded", pet.toString());
        o.p("read-again", repo.getLatePet("SECRET-late").toString());
        pet.name = "SECRET-written";
        o.p("again", repo.getLatePet("SECRET-late").toString());
        early.name = "early-written";
        early.setName(early.name + "+");
        o.p("early", early.toString());
    }
}
