package io.memoguard.it;

/** The javax.servlet build of the servlet application on embedded Tomcat 9. */
class Tomcat9JavaxIT extends ServletAppTests {
    private static final Once<ContainerRun> PLAIN = new Once<>(() -> tomcat("tomcat9-javax-plain", false, "tomcat9", "webapp-javax"));
    private static final Once<ContainerRun> AGENT = new Once<>(() -> tomcat("tomcat9-javax-agent", true, "tomcat9", "webapp-javax"));

    @Override
    ContainerRun plain() {
        return PLAIN.get();
    }

    @Override
    ContainerRun agent() {
        return AGENT.get();
    }
}
