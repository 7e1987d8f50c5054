package com.example.hygiene;

/**
 * A one-shot host for log-hygiene and bad-configuration runs: it runs each scenario named on the
 * command line inside {@link HygieneJob#run} (a request entry point in the agent's configuration),
 * prints one {@code RESULT} line per scenario and exits. Starting it costs a fraction of the demo
 * service's start-up.
 */
public final class HygieneHost {
    private HygieneHost() {
    }

    public static void main(String[] args) throws Exception {
        HygieneJob job = new HygieneJob();
        for (String scenario : args) {
            System.out.println("RESULT " + scenario + " " + job.run(scenario));
        }
        System.out.println("HOST DONE");
    }
}
