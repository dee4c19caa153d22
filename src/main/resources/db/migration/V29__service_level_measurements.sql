-- What the contractor reports against each agreed service-level target (Setagaya 37, Kadoma 3,
-- Gunma 6), one row per target and period (a month, a fiscal quarter or a fiscal year as the
-- target is measured), with whether it met the target. A corrected value replaces the row; the
-- audit trail keeps both.

create table service_level_measurement (
    id                uuid primary key,
    contract_id       uuid          not null references contract (id),
    target_name       varchar(100)  not null,
    period_key        varchar(10)   not null,
    measured_number   numeric(12, 3),
    measured_duration varchar(20),
    met               boolean       not null,
    note              varchar(400),
    recorded_by       uuid          not null references user_account (id),
    recorded_at       timestamptz   not null,
    version           integer       not null default 0,
    constraint service_level_measurement_once unique (contract_id, target_name, period_key),
    constraint service_level_measurement_value check ((measured_number is null) <> (measured_duration is null))
);
create index service_level_measurement_breaches on service_level_measurement (contract_id, recorded_at) where not met;
