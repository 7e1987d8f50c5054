package benchapp.repo;

/** A value-object argument: the shape of a page request (page, size, sort property). */
public record PageKey(int page, int size, String sort) {}
