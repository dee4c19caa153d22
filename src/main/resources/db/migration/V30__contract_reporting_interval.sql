-- How often the contractor reports as agreed (Setagaya 32, Kadoma 10(1): 定期的に報告): the
-- profiles leave the interval to the contract ("AS_AGREED"); with it, the periodic reports
-- become dated obligations like any other.
alter table contract add column reporting_interval varchar(4)
    check (reporting_interval in ('P1M', 'P2M', 'P3M', 'P6M', 'P1Y'));
