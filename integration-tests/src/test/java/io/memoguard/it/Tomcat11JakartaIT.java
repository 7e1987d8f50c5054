package io.memoguard.it;

/** The jakarta.servlet build of the servlet application on embedded Tomcat 11. */
class Tomcat11JakartaIT extends ServletAppTests {
    private static final Once<ContainerRun> PLAIN = new Once<>(() -> tomcat("tomcat11-jakarta-plain", false, "tomcat11", "webapp-jakarta"));
    private static final Once<ContainerRun> AGENT = new Once<>(() -> tomcat("tomcat11-jakarta-agent", true, "tomcat11", "webapp-jakarta"));

    @Override
    ContainerRun plain() {
        return PLAIN.get();
    }

    @Override
    ContainerRun agent() {
        return AGENT.get();
    }
}
