package com.example.hostile;

import java.util.Set;

/**
 * The hostile host: runs every scenario in its own request and prints {@code R} result lines and a
 * {@code T <scenario> <kind> <round trips>} line each. Argument {@code failsafe} runs only the
 * scenarios that never write a result (for {@code on-mutation: fail}). Exits by itself.
 */
public final class HostileApp {

    private HostileApp() {
    }

    public static void main(String[] args) {
        boolean failsafeOnly = args.length > 0 && args[0].equals("failsafe");
        Requests requests = new Requests();
        Registry registry = new Registry();
        ArgScenarios.register(registry);
        OneShotScenarios.register(registry);
        MutationScenarios.register(registry);
        FaultScenarios.register(registry, requests);
        BatchScenarios.register(registry);
        for (Registry.Entry entry : registry.entries) {
            Set<String> kind = Set.of(entry.kind().split(" "));
            if (failsafeOnly && !kind.contains("F")) {
                continue;
            }
            Out out = new Out(entry.name());
            int before = Db.trips();
            try {
                if (kind.contains("OUT")) {
                    entry.scenario().run(out);
                } else {
                    requests.serve(out, entry.scenario());
                }
            } catch (Throwable t) {
                out.p("escaped", t.getClass().getName());
            }
            System.out.println("T " + entry.name() + " " + entry.kind().split(" ")[0] + " " + (Db.trips() - before));
        }
        System.out.println("DONE");
    }
}
