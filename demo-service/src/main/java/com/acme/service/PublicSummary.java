package com.acme.service;

import com.acme.domain.Product;

/** The part of the overview anyone may see; its product carries no investor. */
public record PublicSummary(Product product, double rate, int termMonths) {}
