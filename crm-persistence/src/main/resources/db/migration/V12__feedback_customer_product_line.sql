-- What each customer holds from the catalogue: from a won deal or entered by ADV. Breadth keeps clients.
create table customer_product_line (
    company_id      bigint      not null references company (id),
    product_line_id bigint      not null references product_line (id),
    source          varchar(10) not null check (source in ('MANUAL', 'WON')),
    opportunity_id  bigint,
    since           date        not null,
    added_by        bigint      not null references app_user (id),
    primary key (company_id, product_line_id)
);
create index customer_product_line_line_idx on customer_product_line (product_line_id, company_id);

-- Deals won, as the pipeline reports them to the feedback feature (care plan, silent clients, churn signals).
create table won_deal (
    opportunity_id bigint        primary key,
    company_id     bigint        not null references company (id),
    contact_id     bigint references contact (id),
    owner_id       bigint        not null references app_user (id),
    amount         numeric(14, 2) not null default 0,
    won_on         date          not null
);
create index won_deal_company_idx on won_deal (company_id, won_on desc);
