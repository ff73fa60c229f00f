-- A delivered order's product lines become lines the client holds (source ORDER), beside those set by hand and
-- those brought by a won deal.
alter table customer_product_line drop constraint customer_product_line_source_check;
alter table customer_product_line add constraint customer_product_line_source_check
    check (source in ('MANUAL', 'WON', 'ORDER'));
