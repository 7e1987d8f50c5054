-- PostgreSQL variant of demo-data.sql (same tables, same rows; DemoData picks it for a
-- jdbc:postgresql: URL). Run on every start: tables are created when missing and the seed rows
-- are upserted, so an existing database is simply reset to the seed state. DemoData runs it one
-- statement at a time: statements end with ';' at the end of a line, and contain no other ';'.

CREATE TABLE IF NOT EXISTS tenant (
  id   VARCHAR(32) PRIMARY KEY,
  name VARCHAR(100) NOT NULL
);

CREATE TABLE IF NOT EXISTS investor (
  id      BIGINT PRIMARY KEY,
  name    VARCHAR(100) NOT NULL,
  country VARCHAR(2) NOT NULL
);

-- tags is a comma separated list, so that a product and its tags load in one statement
CREATE TABLE IF NOT EXISTS product (
  id          BIGINT PRIMARY KEY,
  tenant_id   VARCHAR(32) NOT NULL REFERENCES tenant (id),
  name        VARCHAR(100) NOT NULL,
  base_rate   DOUBLE PRECISION NOT NULL,
  tags        VARCHAR(200) NOT NULL DEFAULT '',
  investor_id BIGINT NOT NULL REFERENCES investor (id)
);

CREATE TABLE IF NOT EXISTS mortgage (
  id          BIGINT PRIMARY KEY,
  tenant_id   VARCHAR(32) NOT NULL REFERENCES tenant (id),
  borrower    VARCHAR(100) NOT NULL,
  principal   DECIMAL(12, 2) NOT NULL,
  rate        DOUBLE PRECISION NOT NULL,
  term_months INT NOT NULL,
  version     BIGINT NOT NULL,
  start_date  DATE NOT NULL,
  product_id  BIGINT NOT NULL REFERENCES product (id)
);

INSERT INTO tenant (id, name) VALUES
  ('acme', 'Acme Corp'),
  ('globex', 'Globex Corporation')
ON CONFLICT (id) DO UPDATE SET
  name = EXCLUDED.name;

INSERT INTO investor (id, name, country) VALUES
  (1, 'Northwind Capital', 'GB'),
  (2, 'Helvetia Pension Fund', 'CH'),
  (3, 'Rhine Mortgage Trust', 'DE'),
  (4, 'Pacific Annuity Partners', 'US')
ON CONFLICT (id) DO UPDATE SET
  name = EXCLUDED.name,
  country = EXCLUDED.country;

-- ids are deliberately not in name order: the product list must sort
INSERT INTO product (id, tenant_id, name, base_rate, tags, investor_id) VALUES
  (1, 'acme',   'Fixed 10y',        3.10, 'fixed,long-term',            1),
  (2, 'acme',   'Variable Tracker', 2.80, 'variable,flexible',          2),
  (3, 'acme',   'Green Fixed 5y',   2.90, 'fixed,green,energy-label-a', 3),
  (4, 'acme',   'Buy-to-Let Fixed', 3.60, 'fixed,buy-to-let',           1),
  (5, 'globex', 'Starter Fixed 5y', 3.30, 'fixed,first-time-buyer',     4),
  (6, 'globex', 'Offset Variable',  2.95, 'variable,offset',            2)
ON CONFLICT (id) DO UPDATE SET
  tenant_id = EXCLUDED.tenant_id,
  name = EXCLUDED.name,
  base_rate = EXCLUDED.base_rate,
  tags = EXCLUDED.tags,
  investor_id = EXCLUDED.investor_id;

INSERT INTO mortgage (id, tenant_id, borrower, principal, rate, term_months, version, start_date, product_id) VALUES
  (1,  'acme',   'Alice Martin',  250000.00, 3.45, 300, 1, DATE '2021-03-01', 1),
  (2,  'acme',   'Bob Jansen',    180000.00, 3.05, 240, 1, DATE '2020-07-15', 2),
  (3,  'acme',   'Carla Rossi',   420000.00, 3.15, 360, 1, DATE '2022-01-10', 3),
  (4,  'acme',   'David Okafor',  310000.00, 3.85, 300, 1, DATE '2019-11-01', 4),
  (5,  'acme',   'Eva Novak',     150000.00, 3.40, 180, 1, DATE '2023-05-20', 1),
  (6,  'acme',   'Frank Meyer',   275000.00, 2.95, 360, 1, DATE '2021-09-01', 2),
  (7,  'acme',   'Grace Lee',     390000.00, 3.20, 300, 1, DATE '2022-06-15', 3),
  (8,  'acme',   'Hugo Silva',    205000.00, 3.95, 240, 1, DATE '2020-02-01', 4),
  (9,  'acme',   'Ines Dubois',   330000.00, 3.50, 360, 1, DATE '2023-10-01', 1),
  (10, 'acme',   'Jonas Berg',    160000.00, 3.00, 120, 1, DATE '2024-03-01', 2),
  (11, 'globex', 'Karen Walsh',   230000.00, 3.60, 300, 1, DATE '2021-04-01', 5),
  (12, 'globex', 'Liam Chen',     510000.00, 3.10, 360, 1, DATE '2022-08-01', 6),
  (13, 'globex', 'Maya Patel',    195000.00, 3.75, 240, 1, DATE '2020-12-01', 5),
  (14, 'globex', 'Noah Fischer',  285000.00, 3.25, 300, 1, DATE '2023-02-15', 6),
  (15, 'globex', 'Olivia Brown',  140000.00, 3.90, 180, 1, DATE '2019-06-01', 5),
  (16, 'globex', 'Pedro Alvarez', 360000.00, 3.05, 360, 1, DATE '2021-11-01', 6),
  (17, 'globex', 'Quinn Murphy',  215000.00, 3.65, 240, 1, DATE '2022-03-01', 5),
  (18, 'globex', 'Rosa Costa',    445000.00, 3.15, 360, 1, DATE '2023-07-01', 6),
  (19, 'globex', 'Sam Taylor',    175000.00, 3.80, 300, 1, DATE '2020-09-15', 5),
  (20, 'globex', 'Tara Singh',    265000.00, 3.30, 300, 1, DATE '2024-01-15', 6)
ON CONFLICT (id) DO UPDATE SET
  tenant_id = EXCLUDED.tenant_id,
  borrower = EXCLUDED.borrower,
  principal = EXCLUDED.principal,
  rate = EXCLUDED.rate,
  term_months = EXCLUDED.term_months,
  version = EXCLUDED.version,
  start_date = EXCLUDED.start_date,
  product_id = EXCLUDED.product_id;
