package com.acme.domain;

/** A customer organisation of the platform; every mortgage and product belongs to one tenant. */
public class Tenant {
  private String id;
  private String name;

  public Tenant() {}

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
