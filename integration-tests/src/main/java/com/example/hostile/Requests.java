package com.example.hostile;

/** The request boundary ({@code requests.entry-points}: this class, method {@code serve}). */
public final class Requests {

    public void serve(Out out, Scenario scenario) throws Exception {
        scenario.run(out);
    }
}
