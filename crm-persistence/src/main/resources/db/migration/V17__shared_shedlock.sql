-- One row per scheduled job: the node that holds the row's lock runs the job, the others skip it (ShedLock).
-- ShedLock sets lock_until and locked_at from the database's clock in UTC (timezone('utc', CURRENT_TIMESTAMP),
-- hence TIMESTAMP without time zone, as its documentation says), so nodes with drifting clocks agree.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
