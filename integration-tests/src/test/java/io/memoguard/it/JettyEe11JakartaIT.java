package io.memoguard.it;

/** The jakarta.servlet build of the servlet application in a Jetty 12 ee11 WebAppContext. */
class JettyEe11JakartaIT extends ServletAppTests {
    private static final PlainAndAgent<ContainerRun> RUNS = jetty("jetty-ee11-jakarta", "ee11", "webapp-jakarta");

    @Override
    PlainAndAgent<ContainerRun> runs() {
        return RUNS;
    }
}
