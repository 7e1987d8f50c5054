package com.acme.demo;

import com.acme.admin.RateAdjustmentDao;
import com.acme.admin.RateAdjustmentService;
import com.acme.db.Db;
import com.acme.repo.MortgageRepository;
import com.acme.repo.ProductRepository;
import com.acme.repo.RateTableRepository;
import com.acme.repo.QuoteRepository;
import com.acme.repo.RequestCache;
import com.acme.repo.TenantRepository;
import com.acme.service.AccessService;
import com.acme.service.BestRateService;
import com.acme.service.DisclosureService;
import com.acme.service.FanOutService;
import com.acme.service.InvestorReportService;
import com.acme.service.InvestorService;
import com.acme.service.MortgageViewService;
import com.acme.service.OverviewService;
import com.acme.service.PricingService;
import com.acme.service.ProductCatalogService;
import com.acme.service.ProductPageService;
import com.acme.service.QuoteSheetService;
import com.acme.service.RateService;
import com.acme.service.RiskService;
import com.acme.service.ViewAssembler;
import com.acme.web.BestRateHandler;
import com.acme.web.FanOutHandler;
import com.acme.web.HealthHandler;
import com.acme.web.MortgageViewHandler;
import com.acme.web.OverviewHandler;
import com.acme.web.ProductListHandler;
import com.acme.web.ProductPageHandler;
import com.acme.web.QuoteSheetHandler;
import com.acme.web.RateHandler;
import com.acme.web.RateTableHandler;
import com.acme.web.RecomputeCountHandler;
import com.acme.web.RawRateHandler;
import com.acme.web.RequestScope;
import com.acme.web.Router;
import com.acme.web.UnrelatedPoolWorkHandler;
import java.util.List;

/** Builds the object graph by hand: repositories, the services on top, the handlers on top. */
final class Wiring {
  private Wiring() {}

  static Router router(Db db, RequestCache cache) {
    TenantRepository tenants = new TenantRepository(db, cache);
    MortgageRepository mortgages = new MortgageRepository(db, cache);
    ProductRepository products = new ProductRepository(db, cache);

    AccessService access = new AccessService(tenants, mortgages);
    MortgageViewService views = new MortgageViewService(
        access,
        new PricingService(mortgages),
        new RiskService(access, mortgages),
        new InvestorService(mortgages),
        new ViewAssembler(tenants, mortgages));
    OverviewService overviews = new OverviewService(
        mortgages, new DisclosureService(mortgages), new InvestorReportService(mortgages));

    ProductCatalogService catalogs = new ProductCatalogService(products);

    FanOutService fanOut = new FanOutService(tenants, mortgages, db);
    RateTableRepository rateTables = new RateTableRepository(db);

    RequestScope scope = new RequestScope(db, cache);
    return new Router(List.of(
        new HealthHandler(scope),
        new MortgageViewHandler(views, scope),
        new OverviewHandler(overviews, scope),
        new RateHandler(new RateService(mortgages), scope),
        new ProductListHandler(catalogs, scope),
        new ProductPageHandler(new ProductPageService(products), scope),
        new BestRateHandler(new BestRateService(products, catalogs), scope),
        new FanOutHandler(fanOut, scope),
        new UnrelatedPoolWorkHandler(fanOut, scope),
        new RateTableHandler(rateTables, scope),
        new RecomputeCountHandler(rateTables, scope),
        new RawRateHandler(new RateAdjustmentService(mortgages, new RateAdjustmentDao(db)), scope),
        new QuoteSheetHandler(new QuoteSheetService(new QuoteRepository(db)), scope)));
  }
}
