-- The clause catalog: each version of a clause profile, stored once and never changed (a
-- contract pins the version it was made under), with its clauses for search and comparison.

create extension if not exists pg_trgm;

create table clause_profile (
    id            uuid primary key,
    code          varchar(40)  not null,
    version       integer      not null,
    issuer        varchar(100) not null,
    issuer_en     varchar(100) not null,
    title         varchar(300) not null,
    origin        varchar(20)  not null check (origin in ('BUNDLED', 'IMPORTED')),
    file_name     varchar(200) not null,
    content_hash  varchar(64)  not null,
    content       text         not null,
    definition    jsonb        not null,
    clause_count      integer  not null,
    requirement_count integer  not null,
    created_by    uuid,
    created_at    timestamptz  not null,
    constraint clause_profile_version_unique unique (code, version)
);

create table clause (
    id             uuid primary key,
    profile_id     uuid         not null references clause_profile (id),
    ordinal        integer      not null,
    ref            varchar(40)  not null,
    parent_ref     varchar(40),
    heading        varchar(200),
    text           text         not null,
    category       varchar(40)  not null,
    informational  boolean      not null,
    requirement_count integer   not null,
    constraint clause_ref_unique unique (profile_id, ref)
);
create index clause_profile_ordinal on clause (profile_id, ordinal);
create index clause_category on clause (category);
-- Japanese has no spaces between words: trigram indexes make substring search fast.
create index clause_text_trigram on clause using gin (text gin_trgm_ops);
create index clause_heading_trigram on clause using gin (heading gin_trgm_ops);

create function clause_profile_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'a stored clause profile version never changes: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger clause_profile_no_update before update or delete on clause_profile
    for each row execute function clause_profile_immutable();
create trigger clause_no_update before update or delete on clause
    for each row execute function clause_profile_immutable();
