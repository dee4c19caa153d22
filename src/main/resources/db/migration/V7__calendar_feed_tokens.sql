-- Personal calendar feeds (iCalendar, for Outlook): the secret in the feed's URL is the
-- credential, so only its SHA-256 is stored. A user has at most one active token; issuing a
-- new one revokes the old. Revoked tokens are kept for the record.

create table calendar_feed_token (
    id          uuid primary key,
    user_id     uuid        not null references user_account (id) on delete cascade,
    token_hash  varchar(64) not null,
    created_at  timestamptz not null,
    revoked_at  timestamptz,
    version     bigint      not null default 0,
    constraint calendar_feed_token_hash_unique unique (token_hash)
);
create unique index calendar_feed_token_one_active on calendar_feed_token (user_id) where revoked_at is null;
