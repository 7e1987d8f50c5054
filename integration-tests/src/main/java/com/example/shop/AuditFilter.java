package com.example.shop;

import com.example.shop.domain.Item;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * Outermost component of every request: remembers the invocation count at the start of the
 * request and loads the item once itself (e.g. for an audit record).
 */
public class AuditFilter implements Filter {
    static final String START_COUNT = "shop.repoCallsAtStart";

    private final CatalogRepository repository;

    public AuditFilter(CatalogRepository repository) {
        this.repository = repository;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setAttribute(START_COUNT, RepoStats.FIND_ITEM_INVOCATIONS.get());
        String sku = request.getParameter("sku");
        if (sku != null) {
            Item audited = repository.findItem(sku);
            request.setAttribute("shop.auditedName", audited.getName());
        }
        chain.doFilter(request, response);
    }
}
