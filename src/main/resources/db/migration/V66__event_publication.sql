-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 2.1.1, schema v2, as
-- its bundled schemas/v2/schema-postgresql.sql): one row per event and listener of another
-- module (@ApplicationModuleListener), written in the transaction that publishes the event,
-- completed when the listener has run. An incomplete row is resubmitted by the scheduled job
-- platform/events/EventResubmission; completed rows are removed by the janitor after
-- itaku.janitor.event-publication-age. Flyway owns the table: the library's own schema
-- initialisation is off (spring.modulith.events.jdbc.schema-initialization.enabled=false).
create table event_publication (
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    -- PUBLISHED, PROCESSING, COMPLETED, FAILED, RESUBMITTED (null only in rows of schema v1)
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);
-- Completing a publication looks it up by listener and serialized event.
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- The mails a listener has sent for one occasion (an incident reported, a finding's step, a
-- worker leaving …), one row per recipient, written in the transaction that sends the mail: a
-- listener run again after a failure (a resubmitted publication) sends only to the recipients
-- it has not reached yet (platform/mail/MailDeliveries). Removed by the janitor with the
-- completed publications.
create table mail_delivery (
    occasion     varchar(200) not null,
    recipient_id uuid         not null,
    sent_at      timestamptz  not null,
    primary key (occasion, recipient_id)
);
create index mail_delivery_sent_at on mail_delivery (sent_at);
