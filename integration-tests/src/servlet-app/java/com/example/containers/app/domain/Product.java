package com.example.containers.app.domain;

/** A mutable entity, as an ORM returns: the agent guards this package. */
public class Product {
    private final long id;
    private String name;
    private long priceCents;

    public Product(long id, String name, long priceCents) {
        this.id = id;
        this.name = name;
        this.priceCents = priceCents;
    }

    public long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public long getPriceCents() { return priceCents; }
    public void setPriceCents(long priceCents) { this.priceCents = priceCents; }
}
