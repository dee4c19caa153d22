-- Leavers (issue 22): the provider's refresh token of each SSO link, encrypted at rest
-- (FieldEncryptor, context "sso_identity.refresh_token:<id>"), for the periodic check
-- that the directory still knows the user (SsoLeaverCheck). A link the provider refused
-- is marked disabled (its sessions ended) until the user signs in at the provider again.
alter table sso_identity add column id uuid not null default gen_random_uuid();
alter table sso_identity add constraint sso_identity_id_unique unique (id);
alter table sso_identity add column refresh_token_ciphertext text;
alter table sso_identity add column checked_at timestamptz;
alter table sso_identity add column disabled_at timestamptz;
alter table sso_identity add column disabled_reason varchar(64);
