package com.acme.service;

import com.acme.domain.Quote;
import com.acme.repo.QuoteRepository;

/** An offer and its confirmation: two quotes, each with its own reference. */
public class QuoteSheetService {
  private final QuoteRepository quotes;

  public QuoteSheetService(QuoteRepository quotes) {
    this.quotes = quotes;
  }

  public record Sheet(Quote offer, Quote confirmation) {}

  public Sheet sheet(String tenant, long productId) {
    Quote offer = quotes.getQuote(tenant, productId);
    if (offer == null) {
      throw new NotFoundException("product " + productId + " of tenant " + tenant + " not found");
    }
    return new Sheet(offer, quotes.getQuote(tenant, productId));
  }
}
