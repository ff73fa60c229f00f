-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 2.1.1, schema "v2", PostgreSQL):
-- the exact table and indexes of schemas/v2/schema-postgresql.sql in that jar. Flyway owns it, so the library's own
-- schema initialisation stays off (spring.modulith.events.jdbc.schema-initialization.enabled=false).
-- One row per (event, after-commit listener), written in the publisher's transaction; deleted when the listener
-- succeeds (completion mode DELETE), kept with status FAILED when it throws, until a resubmission succeeds.
create table event_publication
(
  id                     uuid not null,
  listener_id            text not null,
  event_type             text not null,
  serialized_event       text not null,
  publication_date       timestamp with time zone not null,
  completion_date        timestamp with time zone,
  status                 text,
  completion_attempts    int,
  last_resubmission_date timestamp with time zone,
  primary key (id)
);
create index event_publication_serialized_event_hash_idx on event_publication using hash(serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
