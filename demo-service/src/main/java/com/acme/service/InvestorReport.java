package com.acme.service;

/** The confidential part of the overview: who funds the mortgage. Null fields if nobody does. */
public record InvestorReport(String investorName, String country) {}
