-- Periods named as people name them (issue 20): an obligation of a period keeps the period's
-- first and last day, so that it reads 「令和8年度 第1四半期」 or 「2026年12月分」 rather than
-- 「第P1期」. The planner sets both; here the obligations stored before get theirs: a monthly one
-- from its key (2026-12), a periodic one (P1, P2…) from its contract's start and the interval of
-- its requirement in the pinned profile (AS_AGREED: the contract's reporting interval). Any
-- other keeps none and is named by its number until the contract is next planned.

alter table obligation add column period_start date;
alter table obligation add column period_end date;
alter table obligation add constraint obligation_period_days
    check (period_end is null or (period_start is not null and period_start <= period_end));

update obligation
set period_start = to_date(period_key || '-01', 'YYYY-MM-DD'),
    period_end = (to_date(period_key || '-01', 'YYYY-MM-DD') + interval '1 month' - interval '1 day')::date
where origin = 'PLANNED' and period_key ~ '^[0-9]{4}-[0-9]{2}$';

with periodic as (
    select o.id, substring(o.period_key from 2)::int as n, c.period_start as contract_start,
           c.period_end as contract_end,
           case when r.requirement -> 'trigger' ->> 'interval' = 'AS_AGREED' then c.reporting_interval
                else r.requirement -> 'trigger' ->> 'interval' end as every
    from obligation o
    join contract c on c.id = o.contract_id
    join clause_profile p on p.id = c.profile_id
    cross join lateral jsonb_array_elements(p.definition -> 'clauses') as cl (clause)
    cross join lateral jsonb_array_elements(cl.clause -> 'requirements') with ordinality as r (requirement, k)
    where o.origin = 'PLANNED' and o.period_key ~ '^P[0-9]{1,3}$'
      and o.requirement_key = (cl.clause ->> 'ref') || '#' || r.k
      and r.requirement -> 'trigger' ->> 'type' = 'PERIODIC'
), bounded as (
    select id, contract_end,
           (contract_start + (n - 1) * every::interval)::date as first_day,
           (contract_start + n * every::interval - interval '1 day')::date as last_day
    from periodic
    where every ~ '^P([0-9]+[YMWD])+$'
)
update obligation o
set period_start = b.first_day,
    period_end = least(b.last_day, b.contract_end)
from bounded b
where o.id = b.id and b.first_day <= b.contract_end;
