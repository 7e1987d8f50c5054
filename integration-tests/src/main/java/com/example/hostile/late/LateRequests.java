package com.example.hostile.late;

import com.example.hostile.Out;
import com.example.hostile.late.domain.LatePet;

/** The request boundary of the attach layout, loaded after the agent attached. */
public class LateRequests {
    public void serveLate(Out out, LatePet early) {
        LateWriter.exercise(out, early);
    }
}
