-- Agreed service levels (サービスレベル合意) as measurable targets, one row per item of the
-- contract's SLA annex, in the annex's order. The free text in contract.service_levels stays
-- for what does not fit a target (remedies, reporting, exceptions).
--
--   metric        target                              reads as
--   PERCENT_MIN   target_number, 0–100 (%)            e.g. システム稼働率 99.5% 以上（月次）
--   DURATION_MAX  target_duration, ISO-8601, > 0      e.g. 障害時の初動連絡 PT30M 以内
--   COUNT_MAX     target_number, a whole number ≥ 0   e.g. 重大障害の発生件数 0 件以下（年次）

create table contract_service_level_target (
    contract_id         uuid          not null references contract (id) on delete cascade,
    position            integer       not null check (position >= 0),
    name                varchar(100)  not null check (btrim(name) <> ''),
    metric              varchar(20)   not null check (metric in ('PERCENT_MIN', 'DURATION_MAX', 'COUNT_MAX')),
    target_number       numeric(9, 3),
    target_duration     varchar(20),
    measurement_period  varchar(20)   not null check (measurement_period in ('MONTHLY', 'QUARTERLY', 'YEARLY')),
    notes               varchar(400),
    primary key (contract_id, position),
    -- deferred: re-ordering rows moves names between positions within one transaction
    constraint contract_service_level_target_name_unique unique (contract_id, name) deferrable initially deferred,
    constraint contract_service_level_target_value check (
        (metric = 'PERCENT_MIN' and target_duration is null
            and target_number between 0 and 100)
        or (metric = 'COUNT_MAX' and target_duration is null
            and target_number >= 0 and target_number = trunc(target_number))
        or (metric = 'DURATION_MAX' and target_number is null
            and target_duration ~ '^P(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?$' and target_duration !~ 'T$'
            and target_duration ~ '[1-9]')
    )
);
