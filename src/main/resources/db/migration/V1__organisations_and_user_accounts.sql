-- Organisations party to outsourcing contracts, and the people who sign in for them.

create table organisation (
    id          uuid primary key,
    name        varchar(200) not null,
    kind        varchar(20)  not null check (kind in ('CLIENT', 'CONTRACTOR', 'SUBCONTRACTOR')),
    address     varchar(400),
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     bigint       not null default 0,
    constraint organisation_name_unique unique (name)
);

create table user_account (
    id                        uuid primary key,
    username                  varchar(64)  not null,
    display_name              varchar(200) not null,
    email                     varchar(320),
    organisation_id           uuid         not null references organisation (id),
    role                      varchar(40)  not null check (role in ('SYSTEM_ADMIN', 'CLIENT_SECURITY_ADMIN',
                                  'CLIENT_OFFICER', 'CONTRACTOR_LEAD', 'CONTRACTOR_WORKER', 'AUDITOR')),
    enabled                   boolean      not null default true,
    password_hash             varchar(255) not null,
    password_changed_at       timestamptz  not null,
    password_change_required  boolean      not null default false,
    failed_attempts           integer      not null default 0,
    locked_until              timestamptz,
    -- AES-256-GCM ciphertext (Tink); the key is outside the database.
    totp_secret_ciphertext    text,
    totp_enabled              boolean      not null default false,
    totp_last_used_step       bigint,
    preferred_locale          varchar(8),
    created_at                timestamptz  not null,
    updated_at                timestamptz  not null,
    version                   bigint       not null default 0,
    constraint user_account_username_unique unique (username),
    constraint user_account_username_lower check (username = lower(username))
);
create index user_account_organisation on user_account (organisation_id);

create table recovery_code (
    id          uuid primary key,
    user_id     uuid        not null references user_account (id) on delete cascade,
    code_hash   varchar(64)    not null,
    created_at  timestamptz not null,
    used_at     timestamptz
);
create index recovery_code_user on recovery_code (user_id);

create table api_token (
    id            uuid primary key,
    user_id       uuid         not null references user_account (id) on delete cascade,
    name          varchar(100) not null,
    token_prefix  varchar(16)  not null,
    token_hash    varchar(64)     not null,
    created_at    timestamptz  not null,
    expires_at    timestamptz  not null,
    revoked_at    timestamptz,
    last_used_at  timestamptz,
    version       bigint       not null default 0,
    constraint api_token_hash_unique unique (token_hash)
);
create index api_token_user on api_token (user_id);
