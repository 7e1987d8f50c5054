package io.memoguard.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Starts the demo service jar (com.acme.demo.DemoServer) on its own in-memory H2 database. */
final class DemoApp {

    static final String MAIN = "com.acme.demo.DemoServer";

    /** The chatty endpoint: 6 getMortgage + 3 getTenant calls, i.e. 9 queries, 2 when memoized. */
    static final String CHATTY = "/tenants/acme/mortgages/1";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private DemoApp() {
    }

    /**
     * @param jvmArgs e.g. the -javaagent argument, or nothing
     * @param appArgs extra application arguments, e.g. --naive-cache
     */
    static JvmProcess start(String name, List<String> jvmArgs, String... appArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--port", "0",
                "--jdbc-url", "jdbc:h2:mem:it" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1"));
        args.addAll(List.of(appArgs));
        return JvmProcess.start(name, jvmArgs, ItEnv.demoJar().toString(), MAIN, args).awaitListening();
    }
}
