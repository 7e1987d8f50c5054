package com.example.shop.domain;

/** A mutable catalog entity: the agent guards this package (write barriers on its fields). */
public class Item {
    private final String sku;
    private String name;
    private long priceCents;
    private int stock;

    public Item(String sku, String name, long priceCents, int stock) {
        this.sku = sku;
        this.name = name;
        this.priceCents = priceCents;
        this.stock = stock;
    }

    public String getSku() { return sku; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public long getPriceCents() { return priceCents; }
    public void setPriceCents(long priceCents) { this.priceCents = priceCents; }
    public int getStock() { return stock; }
    public void setStock(int stock) { this.stock = stock; }
}
