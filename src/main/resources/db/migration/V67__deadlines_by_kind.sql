-- Deadlines by kind (issue 18, finding 3). An obligation now keeps how its deadline is stated:
-- a date the calendar fixes (by the 20th, by the contract start), which moves by the configured
-- closed-day rule (前開庁日 by default); or counted from an event in days (速やかに = P3D), never
-- before the event and moved forward to the next open day; or in hours (直ちに = PT1H), never
-- before the event and kept on its day. With it, the named deadline and the duration counted
-- from the event, so that an incident's report is measured against its own clause's term.

alter table obligation add column due_kind varchar(20)
    check (due_kind in ('CALENDAR_FIXED', 'DAYS_AFTER_EVENT', 'HOURS_AFTER_EVENT'));
alter table obligation add column due_policy varchar(20)
    check (due_policy in ('IMMEDIATELY', 'PROMPTLY', 'WITHOUT_DELAY'));
alter table obligation add column due_within varchar(20);

-- The raised obligations stored before: their requirement's deadline, from the pinned profile
-- version (a requirement that names none is due 速やかに), with the durations the contract sets
-- now. Planned obligations get theirs when the contract is next planned.
with requirement as (
    select o.id, r.requirement -> 'deadline' as deadline, c.immediately, c.promptly, c.without_delay
    from obligation o
    join contract c on c.id = o.contract_id
    join clause_profile p on p.id = c.profile_id
    cross join lateral jsonb_array_elements(p.definition -> 'clauses') as cl (clause)
    cross join lateral jsonb_array_elements(cl.clause -> 'requirements') with ordinality as r (requirement, n)
    where o.origin = 'RAISED' and o.requirement_key = (cl.clause ->> 'ref') || '#' || r.n
), term as (
    select id,
           case when jsonb_typeof(deadline) is distinct from 'object' then 'PROMPTLY'
                when deadline ->> 'type' = 'POLICY' then deadline ->> 'policy' end as policy,
           case when jsonb_typeof(deadline) is distinct from 'object' then 'POLICY'
                else deadline ->> 'type' end as type,
           deadline ->> 'period' as period, immediately, promptly, without_delay
    from requirement
), counted as (
    select id, policy, type,
           case policy when 'IMMEDIATELY' then immediately when 'PROMPTLY' then promptly
                       when 'WITHOUT_DELAY' then without_delay
                       else (case when type = 'WITHIN' then period end) end as within
    from term
)
update obligation o
set due_policy = counted.policy,
    due_within = counted.within,
    due_kind = case when counted.type = 'DAY_OF_MONTH' then 'CALENDAR_FIXED'
                    when counted.within ~ '^P[^T]' then 'DAYS_AFTER_EVENT'
                    else 'HOURS_AFTER_EVENT' end
from counted
where counted.id = o.id;

-- Repair: a raised obligation due before the event that raised it (the previous-open-day rule
-- applied to a deadline counted from a weekend event) becomes due on the day of its event, in
-- Tokyo (occurred_on): the earliest day the rule allows. The next open day needs the holiday
-- calendar, which lives in the application, so it is not applied here. Each repair is recorded
-- in the obligation's history, with the old and the new date.
insert into obligation_event (id, obligation_id, occurred_at, actor_id, action, comment)
select gen_random_uuid(), id, now(), null, 'RESCHEDULED',
       'V67: 期限 ' || due_date || ' は発生日より前のため、発生日 ' || occurred_on
       || ' に訂正（事象から数える期限は事象より前にならない） / due date ' || due_date
       || ' was before the event; set to its day ' || occurred_on
from obligation
where origin = 'RAISED' and occurred_on is not null and due_date < occurred_on;

update obligation
set due_date = occurred_on, updated_at = now(), version = version + 1
where origin = 'RAISED' and occurred_on is not null and due_date < occurred_on;
