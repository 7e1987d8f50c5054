package io.memoguard.it;

/** The javax.servlet build of the servlet application in a Jetty 12 ee8 WebAppContext. */
class JettyEe8JavaxIT extends ServletAppTests {
    private static final Once<ContainerRun> PLAIN = new Once<>(() -> jetty("jetty-ee8-javax-plain", false, "ee8", "webapp-javax"));
    private static final Once<ContainerRun> AGENT = new Once<>(() -> jetty("jetty-ee8-javax-agent", true, "ee8", "webapp-javax"));

    @Override
    ContainerRun plain() {
        return PLAIN.get();
    }

    @Override
    ContainerRun agent() {
        return AGENT.get();
    }
}
