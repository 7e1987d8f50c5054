package io.memoguard.it;

/** The jakarta.servlet build of the servlet application in a Jetty 12 ee11 WebAppContext. */
class JettyEe11JakartaIT extends ServletAppTests {
    private static final Once<ContainerRun> PLAIN = new Once<>(() -> jetty("jetty-ee11-jakarta-plain", false, "ee11", "webapp-jakarta"));
    private static final Once<ContainerRun> AGENT = new Once<>(() -> jetty("jetty-ee11-jakarta-agent", true, "ee11", "webapp-jakarta"));

    @Override
    ContainerRun plain() {
        return PLAIN.get();
    }

    @Override
    ContainerRun agent() {
        return AGENT.get();
    }
}
