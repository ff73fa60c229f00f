-- One place for two rules that SQL and Java both need: the order of the pipeline's stages and the weights of the
-- churn-risk score. They were literals in functions and views (V7, V13) and in Java; they are rows now, read by the
-- functions and views below and by Java (StageOrderTests and ChurnWeightsTests check that the Stage enum and the
-- reasons Java shows agree with them). Changing a weight is an update of a row, and the score follows.

create table pipeline_stage (
    code      varchar(20) primary key,
    rank      integer     not null unique,
    is_open   boolean     not null
);

insert into pipeline_stage (code, rank, is_open) values
    ('PROSPECTING', 1, true), ('QUALIFIED', 2, true), ('PROPOSAL', 3, true), ('NEGOTIATION', 4, true),
    ('WON', 5, false), ('LOST', 6, false);

-- Read by the dashboard triggers (pipeline_opportunity_rollup, pipeline_stage_change_rollup). Stable, not
-- immutable: they read a table. A move to LOST never counts as an advance (the triggers say so).
create or replace function pipeline_is_open(stage varchar) returns boolean
    language sql stable parallel safe
    as $$ select coalesce((select s.is_open from pipeline_stage s where s.code = stage), false) $$;

create or replace function pipeline_stage_rank(stage varchar) returns integer
    language sql stable parallel safe
    as $$ select s.rank from pipeline_stage s where s.code = stage $$;

-- The points each churn signal adds to the score (0-100): the reasons shown to users are these rows.
create table churn_weight (
    reason  varchar(30) primary key,
    points  integer     not null check (points between 0 and 100)
);

insert into churn_weight (reason, points) values
    ('SILENT_90_DAYS', 25),      -- no exchange for 90 days or more, or never
    ('SILENT_60_DAYS', 15),
    ('SILENT_30_DAYS', 5),
    ('NPS_DETRACTOR', 20),       -- last NPS answer 0-6
    ('NPS_PASSIVE', 8),          -- last NPS answer 7-8
    ('BREACHED_COMPLAINT', 20),  -- an open complaint past its resolution due date
    ('OPEN_COMPLAINT', 10),
    ('NEGATIVE', 15),            -- a negative exchange in the last 90 days
    ('WON_HALVED', 15),          -- won in the last 12 months below half of the 12 before
    ('WON_DROP', 8),             -- below the 12 before
    ('NO_BREADTH', 5);           -- no product line added in 12 months

-- The weights as one row, for the score below.
create view churn_weights as
select coalesce(max(points) filter (where reason = 'SILENT_90_DAYS'), 0) silent_90,
       coalesce(max(points) filter (where reason = 'SILENT_60_DAYS'), 0) silent_60,
       coalesce(max(points) filter (where reason = 'SILENT_30_DAYS'), 0) silent_30,
       coalesce(max(points) filter (where reason = 'NPS_DETRACTOR'), 0) nps_detractor,
       coalesce(max(points) filter (where reason = 'NPS_PASSIVE'), 0) nps_passive,
       coalesce(max(points) filter (where reason = 'BREACHED_COMPLAINT'), 0) breached_complaint,
       coalesce(max(points) filter (where reason = 'OPEN_COMPLAINT'), 0) open_complaint,
       coalesce(max(points) filter (where reason = 'NEGATIVE'), 0) negative,
       coalesce(max(points) filter (where reason = 'WON_HALVED'), 0) won_halved,
       coalesce(max(points) filter (where reason = 'WON_DROP'), 0) won_drop,
       coalesce(max(points) filter (where reason = 'NO_BREADTH'), 0) no_breadth
from churn_weight;

-- Same columns as V13's view (the churn_risk materialized view reads it), the points now from churn_weight.
create or replace view churn_score as
select s.*,
       case when s.last_at is null or s.silent_days >= 90 then w.silent_90
            when s.silent_days >= 60 then w.silent_60
            when s.silent_days >= 30 then w.silent_30 else 0 end silence_points,
       case when s.last_nps <= 6 then w.nps_detractor when s.last_nps <= 8 then w.nps_passive else 0 end nps_points,
       case when s.breached_complaints > 0 then w.breached_complaint
            when s.open_complaints > 0 then w.open_complaint else 0 end complaint_points,
       case when s.negative_exchanges > 0 then w.negative else 0 end sentiment_points,
       case when s.won_before > 0 and s.won_recent < s.won_before / 2 then w.won_halved
            when s.won_before > 0 and s.won_recent < s.won_before then w.won_drop else 0 end won_drop_points,
       case when s.lines_added = 0 then w.no_breadth else 0 end breadth_points
from churn_signal s cross join churn_weights w;
