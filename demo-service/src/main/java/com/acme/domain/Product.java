package com.acme.domain;

import java.util.ArrayList;
import java.util.List;

/** A mortgage product a tenant offers, funded by one investor. */
public class Product {
  private long id;
  private String name;
  private double baseRate;
  private Investor investor;
  private List<String> tags = new ArrayList<>();

  public Product() {}

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public double getBaseRate() {
    return baseRate;
  }

  public void setBaseRate(double baseRate) {
    this.baseRate = baseRate;
  }

  public Investor getInvestor() {
    return investor;
  }

  public void setInvestor(Investor investor) {
    this.investor = investor;
  }

  public List<String> getTags() {
    return tags;
  }

  public void setTags(List<String> tags) {
    this.tags = tags;
  }
}
