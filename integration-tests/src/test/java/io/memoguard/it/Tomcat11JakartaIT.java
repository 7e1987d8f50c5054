package io.memoguard.it;

/** The jakarta.servlet build of the servlet application on embedded Tomcat 11. */
class Tomcat11JakartaIT extends ServletAppTests {
    private static final Runs<Variant, ContainerRun> RUNS = tomcat("tomcat11-jakarta", "tomcat11", "webapp-jakarta");

    @Override
    Runs<Variant, ContainerRun> runs() {
        return RUNS;
    }
}
