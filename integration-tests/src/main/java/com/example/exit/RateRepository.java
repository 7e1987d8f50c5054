package com.example.exit;

/** The memoized repository: two int arguments, the agent's hit path without a key. */
public final class RateRepository {
    public Integer findRate(int product, int term) {
        ExitInRequestApp.loads++;
        return product * 100 + term;
    }
}
