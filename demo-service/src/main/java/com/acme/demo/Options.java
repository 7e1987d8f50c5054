package com.acme.demo;

/** The command line of {@link DemoServer}. */
record Options(int port, String jdbcUrl, boolean naiveCache) {
  static final String USAGE =
      "usage: java -jar demo-service.jar [--port N] [--jdbc-url URL] [--naive-cache]";

  /** Throws IllegalArgumentException for anything it does not understand. */
  static Options parse(String... args) {
    int port = 8080;
    String jdbcUrl = "jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1";
    boolean naiveCache = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = parsePort(valueOf(args, ++i, "--port"));
        case "--jdbc-url" -> jdbcUrl = valueOf(args, ++i, "--jdbc-url");
        case "--naive-cache" -> naiveCache = true;
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    return new Options(port, jdbcUrl, naiveCache);
  }

  private static String valueOf(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static int parsePort(String value) {
    int port;
    try {
      port = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port must be a number: " + value);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be in 0..65535: " + value);
    }
    return port;
  }
}
