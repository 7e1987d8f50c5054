package com.acme.repo;

import com.acme.domain.Investor;
import com.acme.domain.Product;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;

/** The product-with-investor part of a row, shared by every query that loads products. */
final class ProductRows {
  static final String COLUMNS =
      "p.id AS product_id, p.name AS product_name, p.base_rate, p.tags,"
          + " i.id AS investor_id, i.name AS investor_name, i.country AS investor_country";
  static final String JOIN_INVESTOR = "JOIN investor i ON i.id = p.investor_id";

  private ProductRows() {}

  static Product map(ResultSet row) throws SQLException {
    Investor investor = new Investor();
    investor.setId(row.getLong("investor_id"));
    investor.setName(row.getString("investor_name"));
    investor.setCountry(row.getString("investor_country"));

    Product product = new Product();
    product.setId(row.getLong("product_id"));
    product.setName(row.getString("product_name"));
    product.setBaseRate(row.getDouble("base_rate"));
    product.setInvestor(investor);
    product.setTags(tags(row.getString("tags")));
    return product;
  }

  // Tags live in one comma separated column so that a product loads in the same single statement
  private static ArrayList<String> tags(String column) {
    return column.isEmpty()
        ? new ArrayList<>()
        : new ArrayList<>(Arrays.asList(column.split(",")));
  }
}
