-- Sample source data for the demo: a small shop.
CREATE SCHEMA shop;
CREATE TABLE shop.customers (
    customer_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    email text UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE shop.orders (
    order_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES shop.customers,
    total numeric(12,2) NOT NULL,
    status text NOT NULL DEFAULT 'new',
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_customer_idx ON shop.orders (customer_id);
CREATE TABLE shop."Order Lines" (
    order_id bigint NOT NULL REFERENCES shop.orders,
    line_no int NOT NULL,
    sku text NOT NULL,
    qty int NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
INSERT INTO shop.customers (name, email, created_at)
SELECT 'Customer ' || g, 'customer' || g || '@example.com', now() - g * interval '1 hour'
  FROM generate_series(1, 2000) g;
INSERT INTO shop.orders (customer_id, total, status, updated_at)
SELECT 1 + g % 2000, round((random() * 500)::numeric, 2), (ARRAY['new', 'paid', 'shipped'])[1 + g % 3],
       now() - g * interval '1 minute'
  FROM generate_series(1, 20000) g;
INSERT INTO shop."Order Lines"
SELECT o, l, 'SKU-' || (o * 7 + l) % 997, 1 + (o + l) % 5
  FROM generate_series(1, 20000) o, generate_series(1, 3) l;
