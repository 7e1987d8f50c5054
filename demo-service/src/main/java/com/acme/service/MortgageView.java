package com.acme.service;

import java.math.BigDecimal;
import java.util.Date;

/** Everything the mortgage page shows, gathered from several services. */
public record MortgageView(
    long id,
    String tenantName,
    String borrower,
    BigDecimal principal,
    double rate,
    int termMonths,
    long version,
    Date startDate,
    BigDecimal monthlyPayment,
    RiskBand risk,
    String productName,
    String investorName) {}
