package io.memoguard.it;

/** The javax.servlet build of the servlet application on embedded Tomcat 9. */
class Tomcat9JavaxIT extends ServletAppTests {
    private static final Runs<Variant, ContainerRun> RUNS = tomcat("tomcat9-javax", "tomcat9", "webapp-javax");

    @Override
    Runs<Variant, ContainerRun> runs() {
        return RUNS;
    }
}
