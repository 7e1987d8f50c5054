package com.example.library;

import com.example.library.domain.Author;
import com.example.library.domain.Book;
import com.example.library.repo.AuthorRepository;
import com.example.library.repo.BookRepository;
import org.springframework.boot.CommandLineRunner;
import org.springframework.stereotype.Component;

/** Two authors and four books; the ids are 1..2 and 1..4 in this order. */
@Component
public class SeedData implements CommandLineRunner {

    private final AuthorRepository authors;
    private final BookRepository books;

    public SeedData(AuthorRepository authors, BookRepository books) {
        this.authors = authors;
        this.books = books;
    }

    @Override
    public void run(String... args) {
        Author leGuin = authors.save(new Author("Ursula K. Le Guin"));
        Author lem = authors.save(new Author("Stanislaw Lem"));
        books.save(new Book("A Wizard of Earthsea", "978-0-00-000001-1", leGuin));
        books.save(new Book("The Left Hand of Darkness", "978-0-00-000002-2", leGuin));
        books.save(new Book("The Dispossessed", "978-0-00-000003-3", leGuin));
        books.save(new Book("Solaris", "978-0-00-000004-4", lem));
        // outside any request: the agent leaves these calls alone
        System.out.println("SEEDED books=" + books.count() + " first=" + books.findById(1L).map(Book::getTitle).orElse("-"));
    }
}
