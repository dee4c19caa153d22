-- One key for all nodes: the keys of the field-encryption keyset (a Tink keyset kept outside the
-- database, itaku.crypto.keyset-file), recorded by fingerprint when a node first uses them. A node
-- whose keyset lacks a recorded key that is not retired refuses to start, and no node creates a
-- keyset while a key is recorded or any field is encrypted (platform/crypto/FieldKeyset).

create table field_encryption_key (
    -- SHA-256 of the raw key, lower-case hex: never the key itself.
    fingerprint   char(64)     primary key,
    -- Tink's key id (unsigned 32 bits), which every ciphertext names in its first five bytes.
    key_id        bigint       not null unique check (key_id between 0 and 4294967295),
    recorded_at   timestamptz  not null,
    -- When it became the keyset's primary key (the one that encrypts); null while it never was.
    primary_from  timestamptz,
    -- When retire-keys removed it from the keyset, nothing being encrypted with it any more.
    retired_at    timestamptz
);
