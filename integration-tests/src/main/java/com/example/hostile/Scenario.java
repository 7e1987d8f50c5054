package com.example.hostile;

/** One scenario: runs inside one request (or outside any) and prints result lines through {@link Out}. */
@FunctionalInterface
public interface Scenario {
    void run(Out out) throws Exception;
}
