package com.acme.domain;

import java.math.BigDecimal;
import java.util.Date;

/** A mortgage of one tenant's borrower; {@code version} counts the updates saved so far. */
public class Mortgage {
  private long id;
  private String tenantId;
  private String borrower;
  private BigDecimal principal;
  private double rate;
  private int termMonths;
  private long version;
  private Date startDate;
  private Product product;

  public Mortgage() {}

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public String getTenantId() {
    return tenantId;
  }

  public void setTenantId(String tenantId) {
    this.tenantId = tenantId;
  }

  public String getBorrower() {
    return borrower;
  }

  public void setBorrower(String borrower) {
    this.borrower = borrower;
  }

  public BigDecimal getPrincipal() {
    return principal;
  }

  public void setPrincipal(BigDecimal principal) {
    this.principal = principal;
  }

  public double getRate() {
    return rate;
  }

  public void setRate(double rate) {
    this.rate = rate;
  }

  public int getTermMonths() {
    return termMonths;
  }

  public void setTermMonths(int termMonths) {
    this.termMonths = termMonths;
  }

  public long getVersion() {
    return version;
  }

  public void setVersion(long version) {
    this.version = version;
  }

  public Date getStartDate() {
    return startDate;
  }

  public void setStartDate(Date startDate) {
    this.startDate = startDate;
  }

  public Product getProduct() {
    return product;
  }

  public void setProduct(Product product) {
    this.product = product;
  }
}
