package com.acme.domain;

/** The party that funds a product. Who funds what is confidential: keep it out of public views. */
public class Investor {
  private long id;
  private String name;
  private String country;

  public Investor() {}

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

  public String getCountry() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
  }
}
