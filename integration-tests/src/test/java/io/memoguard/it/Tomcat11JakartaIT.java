package io.memoguard.it;

/** The jakarta.servlet build of the servlet application on embedded Tomcat 11. */
class Tomcat11JakartaIT extends ServletAppTests {
    private static final PlainAndAgent<ContainerRun> RUNS = tomcat("tomcat11-jakarta", "tomcat11", "webapp-jakarta");

    @Override
    PlainAndAgent<ContainerRun> runs() {
        return RUNS;
    }
}
