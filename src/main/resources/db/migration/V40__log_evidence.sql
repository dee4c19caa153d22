-- Log evidence (Setagaya 17, 18, 24; Kadoma 1(7), 4, 14(8); Nerima 18⑷ア; Gunma 3ウ, 9): the
-- contractor's access and operation logs, kept for the contract's retention, checked against the
-- roster, the client-issued IDs, the work schedules and the entry log.

-- Per contract: what the checks allow, and how long the lines are kept.
create table log_settings (
    contract_id             uuid primary key references contract (id),
    -- Never below three months (Gunma 3ウ); the purge never drops a younger month.
    retention_months        integer       not null default 12 check (retention_months >= 3),
    -- Operations forbidden on this contract (Kadoma 14(8)), one a line: "action", or
    -- "action:keyword" (the action with the keyword in its target).
    forbidden_operations    text          not null default '',
    allowed_from            time,
    allowed_to              time,
    bulk_per_hour           integer       not null default 500 check (bulk_per_hour > 0),
    failed_login_burst      integer       not null default 5 check (failed_login_burst > 0),
    failed_login_minutes    integer       not null default 10 check (failed_login_minutes > 0),
    skew_tolerance_seconds  integer       not null default 300 check (skew_tolerance_seconds >= 0),
    requires_entry          boolean       not null default false,
    updated_at              timestamptz   not null,
    constraint log_settings_hours check ((allowed_from is null) = (allowed_to is null))
);

-- A source of logs and how its lines map onto the fields the checks read.
create table log_source (
    id                  uuid primary key,
    contract_id         uuid          not null references contract (id),
    name                varchar(100)  not null,
    format              varchar(6)    not null check (format in ('CSV', 'JSONL', 'SYSLOG')),
    -- Column name (CSV header) or JSON field per target field: timestamp, user, action, target,
    -- result, address; for syslog the structured-data parameter names (timestamp and user may
    -- also be the header's own TIMESTAMP / the app name).
    mapping             jsonb         not null,
    -- The zone of timestamps written without an offset.
    time_zone           varchar(40)   not null,
    created_at          timestamptz   not null,
    created_by          uuid          not null references user_account (id),
    constraint log_source_name unique (contract_id, name)
);

-- One upload: its hash (a re-sent batch is recognised), its counts and its malformed lines.
create table log_batch (
    id                  uuid primary key,
    contract_id         uuid          not null references contract (id),
    source_id           uuid          not null references log_source (id),
    sha256              varchar(64)   not null,
    file_name           varchar(255),
    total_lines         integer       not null,
    good_lines          integer       not null,
    malformed_lines     integer       not null,
    -- [{line, reason}] (the first 1,000)
    malformed           jsonb         not null default '[]',
    status              varchar(10)   not null check (status in ('PENDING', 'ACCEPTED', 'REJECTED')),
    first_at            timestamptz,
    last_at             timestamptz,
    uploaded_at         timestamptz   not null,
    uploaded_by         uuid          not null references user_account (id),
    decided_at          timestamptz,
    decided_by          uuid references user_account (id),
    version             bigint        not null default 0,
    constraint log_batch_counts check (total_lines = good_lines + malformed_lines)
);
-- A batch is kept once per source; a rejected one may be sent again.
create unique index log_batch_sha on log_batch (contract_id, source_id, sha256) where status <> 'REJECTED';
create index log_batch_contract on log_batch (contract_id, uploaded_at desc);

-- The lines of accepted batches, one partition per month (created on demand when a batch is
-- stored; dropped whole by the retention job once every contract's retention has passed).
create table log_line (
    contract_id         uuid          not null,
    batch_id            uuid          not null,
    line_no             integer       not null,
    occurred_at         timestamptz   not null,
    user_ref            varchar(200),
    action              varchar(200),
    target              text,
    result              varchar(100),
    client_address      varchar(100),
    fields              jsonb
) partition by range (occurred_at);
-- A batch is written in one piece and in time order, so a block-range index finds a contract's
-- lines of a period (checks, evidence, export) at almost no cost to COPY; a B-tree over user and
-- time would cost more on every line stored than it saves for the few evidence lookups.
create index log_line_range on log_line using brin (contract_id, occurred_at) with (pages_per_range = 16);

-- Which months a batch wrote to: the retention job's view of which contracts hold data in a
-- partition, without scanning it.
create table log_batch_month (
    batch_id            uuid          not null references log_batch (id),
    contract_id         uuid          not null references contract (id),
    month               date          not null,
    lines               integer       not null,
    primary key (batch_id, month)
);
create index log_batch_month_month on log_batch_month (month, contract_id);

-- What the checks found, each with its clause and evidence; the workflow moves it on.
create table log_finding (
    id                  uuid primary key,
    contract_id         uuid          not null references contract (id),
    rule                varchar(30)   not null,
    clause_ref          varchar(60)   not null,
    severity            varchar(6)    not null check (severity in ('HIGH', 'MEDIUM', 'LOW')),
    -- What the finding is about, unique per contract and rule: "user|day", "user|hour"…
    subject             varchar(300)  not null,
    user_ref            varchar(200),
    occurred_on         date,
    line_count          integer       not null,
    -- [{batch, line, at, user, action, target}] (the first 20 lines)
    evidence            jsonb         not null,
    status              varchar(12)   not null check (status in ('OPEN', 'ACKNOWLEDGED', 'EXPLAINED', 'CLOSED')),
    explanation         varchar(2000),
    found_at            timestamptz   not null,
    -- The last run of the checks that found it: an open finding a later run over its period no
    -- longer finds (the roster or the IDs were corrected) is withdrawn.
    checked_at          timestamptz   not null,
    changed_at          timestamptz,
    changed_by          uuid references user_account (id),
    version             bigint        not null default 0,
    constraint log_finding_subject unique (contract_id, rule, subject),
    constraint log_finding_explained check (status not in ('EXPLAINED', 'CLOSED') or explanation is not null)
);
create index log_finding_contract on log_finding (contract_id, status, found_at desc);
