package com.acme.service;

public record Overview(
    long mortgageId, String productName, PublicSummary publicSummary,
    InvestorReport investorReport) {}
