package com.example.library;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small library service: Spring MVC, Spring Data JPA, Hibernate, H2 in memory. Run it as the
 * executable jar, {@code java -jar it-spring-app.jar --server.port=0}; it prints
 * {@code LISTENING port=N} when it serves requests.
 */
@SpringBootApplication
public class LibraryApplication {

    public static void main(String[] args) {
        SpringApplication.run(LibraryApplication.class, args);
    }
}
