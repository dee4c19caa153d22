-- One-time keys of requests that create records: the API's Idempotency-Key header, or the hidden
-- key of a form. An API request's row is written in the same transaction as the record, so a
-- second request with the same key (also one arriving at the same moment, on any node) waits for
-- the first, finds the row and gets the first request's answer instead of creating a second
-- record; a form's row is claimed (status null) before its handler runs and completed after it.
-- A request that fails leaves no row. Rows older than itaku.idempotency.ttl are treated as
-- absent and removed by the janitor.
create table idempotent_request (
    user_id          uuid          not null references user_account (id),
    idempotency_key  varchar(255)  not null,
    -- SHA-256 (hex) of the method, path and bound arguments: the same key with another request is
    -- refused.
    request_hash     varchar(64)   not null,
    -- The first answer: HTTP status, Location (or the page redirected to), body and its type.
    status           smallint,
    location         varchar(2000),
    content_type     varchar(200),
    body             bytea,
    created_at       timestamptz   not null,
    primary key (user_id, idempotency_key)
);
create index idempotent_request_created on idempotent_request (created_at);
