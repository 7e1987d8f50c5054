package com.example.shop;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /item?sku=X}: four findItem executions through two services (the filter adds a fifth). */
public class ItemServlet extends HttpServlet {
    private final PricingService pricing;
    private final StockService stock;

    public ItemServlet(PricingService pricing, StockService stock) {
        this.pricing = pricing;
        this.stock = stock;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String sku = req.getParameter("sku");
        if (sku == null || sku.isEmpty()) {
            resp.sendError(400, "sku missing");
            return;
        }
        long price = pricing.priceWithTaxCents(sku);      // 2 calls
        boolean available = stock.available(sku);          // 1 call
        int units = stock.stock(sku);                      // 1 call
        Object start = req.getAttribute(AuditFilter.START_COUNT);
        int calls = RepoStats.FIND_ITEM_INVOCATIONS.get() - (start == null ? 0 : (Integer) start);
        resp.setHeader("X-Repo-Calls", Integer.toString(calls));
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        String name = (String) req.getAttribute("shop.auditedName");
        resp.getWriter().write("{\"sku\":\"" + sku + "\",\"name\":\"" + name + "\",\"priceWithTaxCents\":" + price
                + ",\"available\":" + available + ",\"stock\":" + units + "}");
    }
}
