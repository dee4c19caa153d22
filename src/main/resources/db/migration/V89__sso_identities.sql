-- Single sign-on (issue 22): the link between an account and its identity at a client's
-- OpenID Connect provider, by the provider's subject ("sub"), never by e-mail. One account
-- has at most one identity per provider; a subject belongs to one account.
create table sso_identity (
    provider varchar(64) not null,
    subject varchar(255) not null,
    user_id uuid not null references user_account (id) on delete cascade,
    created_at timestamptz not null,
    last_sign_in_at timestamptz not null,
    primary key (provider, subject),
    unique (user_id, provider)
);
