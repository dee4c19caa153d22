-- Failed sign-ins, counted in the database so that every node sees the same counts
-- (account/SignInThrottle). Three kinds of count:
--   ACCOUNT_SOURCE  one user name from one source address: each further attempt from there
--                   waits, exponentially longer, once the free attempts are used up;
--   SOURCE          one source address, whatever the user names: the same, with more free
--                   attempts (password spraying);
--   ACCOUNT         one existing account from every source, until a completed sign-in: at the
--                   lockout threshold the account is locked for every source.
-- User names are kept only as SHA-256 (people type passwords into the user name field); the
-- source is the client's address as the application sees it (behind a trusted proxy: the
-- forwarded one).

create table sign_in_failure (
    kind          varchar(16)  not null check (kind in ('ACCOUNT_SOURCE', 'SOURCE', 'ACCOUNT')),
    username_hash varchar(64)  not null,
    source        varchar(64)  not null,
    failures      integer      not null check (failures > 0),
    window_start  timestamptz  not null,
    last_failure  timestamptz  not null,
    wait_until    timestamptz,
    primary key (kind, username_hash, source)
);

-- The sweep of counts nobody needs any more.
create index sign_in_failure_stale on sign_in_failure (last_failure) where kind <> 'ACCOUNT';

-- The account's count moved to sign_in_failure (kind ACCOUNT), updated in one statement
-- whichever node counts; the column is no longer read.
alter table user_account drop column failed_attempts;
