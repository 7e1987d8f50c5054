package com.acme.domain;

/** A price quote: a product's rate at one moment, under a reference that is new for every quote. */
public class Quote {
  private final String reference;
  private final long productId;
  private final double rate;

  public Quote(String reference, long productId, double rate) {
    this.reference = reference;
    this.productId = productId;
    this.rate = rate;
  }

  public String getReference() {
    return reference;
  }

  public long getProductId() {
    return productId;
  }

  public double getRate() {
    return rate;
  }
}
