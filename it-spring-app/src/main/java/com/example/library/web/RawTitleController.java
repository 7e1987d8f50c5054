package com.example.library.web;

import com.example.library.repo.TitleRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads a title through a repository (twice: the second read is a memoized hit with the agent),
 * renames the book with a JdbcTemplate update that no repository sees, and reads the title again
 * in the same request.
 */
@RestController
public class RawTitleController {

    private final TitleRepository titles;
    private final JdbcTemplate jdbc;

    public RawTitleController(TitleRepository titles, JdbcTemplate jdbc) {
        this.titles = titles;
        this.jdbc = jdbc;
    }

    @PostMapping("/books/{id}/raw-title")
    public RawTitle rename(@PathVariable long id, @RequestParam("value") String value) {
        String before = titles.findTitleById(id);
        titles.findTitleById(id);
        jdbc.update("update book set title = ? where id = ?", value, id);
        return new RawTitle(id, before, titles.findTitleById(id));
    }
}
