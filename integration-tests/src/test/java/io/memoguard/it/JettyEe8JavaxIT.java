package io.memoguard.it;

/** The javax.servlet build of the servlet application in a Jetty 12 ee8 WebAppContext. */
class JettyEe8JavaxIT extends ServletAppTests {
    private static final Runs<Variant, ContainerRun> RUNS = jetty("jetty-ee8-javax", "ee8", "webapp-javax");

    @Override
    Runs<Variant, ContainerRun> runs() {
        return RUNS;
    }
}
