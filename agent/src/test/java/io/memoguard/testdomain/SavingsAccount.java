package io.memoguard.testdomain;

/** A guarded subclass: writes inherited fields, and must not declare a second tracker. */
public class SavingsAccount extends Account {
  public int interestDays;

  public void addInterest() {
    balance += 5;
    rate *= 2;
    version = 7;
  }
}
