package com.example.library.repo;

import com.example.library.domain.Book;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** A native query returning a column: read from the database at every call (no entity to cache). */
public interface TitleRepository extends Repository<Book, Long> {

    @Query(value = "select title from book where id = ?1", nativeQuery = true)
    String findTitleById(long id);
}
