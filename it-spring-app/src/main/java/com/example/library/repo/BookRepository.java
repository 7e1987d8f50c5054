package com.example.library.repo;

import com.example.library.domain.Book;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BookRepository extends JpaRepository<Book, Long> {

    /** A derived query: JPQL, so every call executes SQL, inside a transaction or not. */
    Optional<Book> findByIsbn(String isbn);
}
