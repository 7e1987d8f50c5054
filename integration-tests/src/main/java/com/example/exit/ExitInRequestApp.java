package com.example.exit;

/**
 * A job that ends the JVM from inside its request: {@code job} is the request boundary, and it
 * calls {@code System.exit} before returning, so the request is still open when the agent writes
 * its exit summary. Prints {@code LOADS n} (how often the body ran) first.
 */
public final class ExitInRequestApp {
    static int loads;

    public static void main(String[] args) {
        int calls = Integer.parseInt(args[0]);
        new ExitInRequestApp().job(calls);
    }

    public void job(int calls) {
        RateRepository repo = new RateRepository();
        long sum = 0;
        for (int i = 0; i < calls; i++) {
            sum += repo.findRate(7, 2);
        }
        System.out.println("LOADS " + loads + " SUM " + sum);
        System.out.println("LISTENING port=0");
        System.out.flush();
        System.exit(0);
    }

}
