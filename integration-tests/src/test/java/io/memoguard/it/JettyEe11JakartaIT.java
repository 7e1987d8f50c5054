package io.memoguard.it;

/** The jakarta.servlet build of the servlet application in a Jetty 12 ee11 WebAppContext. */
class JettyEe11JakartaIT extends ServletAppTests {
    private static final Runs<Variant, ContainerRun> RUNS = jetty("jetty-ee11-jakarta", "ee11", "webapp-jakarta");

    @Override
    Runs<Variant, ContainerRun> runs() {
        return RUNS;
    }
}
