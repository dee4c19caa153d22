-- Emergency contacts (緊急時連絡先, Setagaya 3(2)③, Kadoma 10(2)): per contract, the contractor's list
-- of whom to call, in which order and when; every submitted version kept; the lead's confirmations
-- that the list is current; the confirmation reminders sent.

-- The list as the contractor's lead keeps it now, with the last submission and the last confirmation
-- that it is current: the later of the two starts the next confirmation cycle.
create table emergency_contact_list (
    id                  uuid          primary key,
    contract_id         uuid          not null unique references contract (id),
    updated_at          timestamptz   not null,
    updated_by          uuid          not null references user_account (id),
    last_submitted_at   timestamptz,
    last_confirmed_at   timestamptz,
    last_confirmed_by   uuid          references user_account (id),
    -- The occurrence key of the change raised after the last submission and not yet filed.
    pending_change_key  varchar(60),
    version             bigint        not null default 0
);

-- The entries of a list, in the order of the table (line_no); priority is the order of calling.
create table emergency_contact (
    list_id        uuid          not null references emergency_contact_list (id),
    line_no        integer       not null,
    priority       integer       not null check (priority between 1 and 99),
    name           varchar(100)  not null,
    department     varchar(100)  not null,
    job_title      varchar(60),
    phone          varchar(30),
    mobile         varchar(30),
    email          varchar(254),
    hours          varchar(100)  not null,
    out_of_hours   boolean       not null,
    notes          varchar(500),
    primary key (list_id, line_no)
);

-- Every submitted version (第N版) with its generated PDF, never changed or deleted. period_key names
-- the occurrence it was filed for: START (the first list) or the key of a change.
create table emergency_contact_version (
    id             uuid          primary key,
    list_id        uuid          not null references emergency_contact_list (id),
    contract_id    uuid          not null references contract (id),
    number         integer       not null,
    period_key     varchar(60)   not null,
    submitted_at   timestamptz   not null,
    submitted_by   uuid          not null references user_account (id),
    comment        varchar(2000),
    document_key   varchar(64)   not null,
    sha256         varchar(64)   not null,
    file_name      varchar(255)  not null,
    obligations    integer       not null,
    constraint emergency_contact_version_number unique (list_id, number)
);
create index emergency_contact_version_contract on emergency_contact_version (contract_id);

create table emergency_contact_version_entry (
    version_id     uuid          not null references emergency_contact_version (id),
    line_no        integer       not null,
    priority       integer       not null,
    name           varchar(100)  not null,
    department     varchar(100)  not null,
    job_title      varchar(60),
    phone          varchar(30),
    mobile         varchar(30),
    email          varchar(254),
    hours          varchar(100)  not null,
    out_of_hours   boolean       not null,
    notes          varchar(500),
    primary key (version_id, line_no)
);

-- One row per confirmation reminder sent: a lead is reminded at most once per due cycle (the day
-- the confirmation fell due), however often and on however many nodes the job runs.
create table emergency_confirmation_reminder (
    id             uuid          primary key,
    contract_id    uuid          not null references contract (id),
    due_on         date          not null,
    recipient_id   uuid          not null references user_account (id),
    sent_at        timestamptz   not null,
    constraint emergency_confirmation_reminder_once unique (contract_id, due_on, recipient_id)
);
