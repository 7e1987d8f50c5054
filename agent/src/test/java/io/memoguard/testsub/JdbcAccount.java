package io.memoguard.testsub;

import io.memoguard.testdomain.Account;

/** A subclass outside the guarded packages with fields of its own (like a JDBC mapper's row). */
public class JdbcAccount extends Account {
  public int typeId = 3;

  public JdbcAccount(String owner) {
    super(owner);
  }

  public void setTypeId(int typeId) {
    this.typeId = typeId;
  }

  /** Names the inherited field through this class: the write carries no barrier. */
  public void setBalanceHere(long balance) {
    this.balance = balance;
  }
}
