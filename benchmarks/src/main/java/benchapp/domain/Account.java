package benchapp.domain;

import java.time.OffsetDateTime;

/** A guarded entity with setters, for the write-barrier benchmarks. */
public class Account {
  private long balance;
  private int version;
  private String owner;
  private OffsetDateTime updated;

  public Account() {}

  public Account(long balance, String owner, OffsetDateTime updated) {
    this.balance = balance;
    this.owner = owner;
    this.updated = updated;
  }

  public long getBalance() { return balance; }
  public void setBalance(long balance) { this.balance = balance; }
  public int getVersion() { return version; }
  public void setVersion(int version) { this.version = version; }
  public String getOwner() { return owner; }
  public void setOwner(String owner) { this.owner = owner; }
  public OffsetDateTime getUpdated() { return updated; }
  public void setUpdated(OffsetDateTime updated) { this.updated = updated; }
}
