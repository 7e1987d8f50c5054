package com.example.logging;

import com.example.logging.model.Greeting;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The memoized repository; logs through the HOST's slf4j/logback on every real execution. */
public class GreetingRepository {
    static final AtomicInteger EXECUTIONS = new AtomicInteger();
    private static final Logger LOG = LoggerFactory.getLogger(GreetingRepository.class);

    public Greeting findGreeting(String name) {
        int n = EXECUTIONS.incrementAndGet();
        LOG.info("loading greeting for {} (execution {})", name, n);
        return new Greeting(name, "Hello, " + name + "!");
    }
}
