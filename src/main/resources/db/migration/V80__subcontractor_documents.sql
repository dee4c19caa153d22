-- The subcontractor's own documents carried by a subcontract application (Setagaya 4: its
-- item-3 documents), one or more files per document type, each with its SHA-256 (the file
-- itself is in the document store). A revision after approval adds the next version of a
-- type; earlier versions are kept.
create table subcontractor_document (
    id                       uuid primary key,
    subcontract_id           uuid          not null references subcontract (id),
    contract_id              uuid          not null references contract (id),
    deliverable              varchar(60)   not null,
    version                  integer       not null check (version >= 1),
    document_key             varchar(200)  not null,
    sha256                   varchar(64)   not null,
    file_name                varchar(300)  not null,
    content_type             varchar(100)  not null,
    size                     bigint        not null,
    note                     varchar(2000),
    uploaded_by              uuid          not null,
    uploaded_by_organisation uuid          not null,
    uploaded_at              timestamp with time zone not null
);

create index subcontract_document_subcontract_idx on subcontractor_document (subcontract_id, deliverable, version);

-- The janitor looks files up by key (see V61).
create index subcontractor_document_key on subcontractor_document (document_key);
