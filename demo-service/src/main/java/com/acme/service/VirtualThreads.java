package com.acme.service;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Virtual threads on JDK 21+, reached by reflection: the demo compiles for Java 17. */
final class VirtualThreads {
  private VirtualThreads() {}

  static ExecutorService perTaskExecutor() {
    try {
      return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
          .invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("virtual threads need JDK 21 or later");
    }
  }
}
