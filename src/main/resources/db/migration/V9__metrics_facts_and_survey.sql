-- Issue 10: the facts the metrics are computed from (SQL aggregates over ft_case, never the
-- engine's history), recorded by the lifecycle as it runs (CaseFacts), and the customers' survey
-- answers. Plain SQL that runs the same on H2 and PostgreSQL.

-- segments: the product from the case, the engineer's team from their profile
alter table ft_case add column product varchar(200);
alter table ft_case add column team varchar(200);
-- the standing chosen with the first contact (the status right after the FQR): RESOLUTION_PROVIDED?
alter table ft_case add column fqr_standing varchar(40);
-- the first contact is complete once the email with that standing went
alter table ft_case add column first_contact_complete boolean default false not null;
-- engineer emails and calls to the customer after the first contact, before the customer confirmed
alter table ft_case add column contacts_after_first_contact integer default 0 not null;
-- follow-ups sent (reminders, check-ins, daily follow-ups, strikes, TAM outreach)
alter table ft_case add column follow_ups_sent integer default 0 not null;
-- the highest strike the case reached (strikes_reached is reset by a reply)
alter table ft_case add column max_strikes integer default 0 not null;
-- minutes from opening to the FQR, counted in the customer's business hours (as the target is)
alter table ft_case add column first_response_business_minutes integer;
-- minutes from opening to closing: on the calendar, and in the customer's business hours
alter table ft_case add column resolution_minutes integer;
alter table ft_case add column resolution_business_minutes integer;
-- the Monday (UTC) of the week the case closed: the week segment
alter table ft_case add column closed_week date;
-- decided by metrics.CaseOutcome when the case closes; false again when it is reopened
alter table ft_case add column first_contact_resolution boolean;
-- the customer's rating from the LQR's survey (1-5), the latest round
alter table ft_case add column survey_rating integer;

create index ft_case_closed on ft_case (status, closed_at);
create index ft_case_closed_week on ft_case (closed_week);

-- one answer per survey: a case's LQR carries one per process instance (a reopened case runs a new
-- instance and closes with a new survey); the primary key makes every token single-use
create table ft_survey_answer (
  case_number         varchar(64)   not null references ft_case (case_number),
  process_instance_id varchar(64)   not null,
  rating              integer       not null,
  answer_comment      varchar(2000),
  answered_at         timestamp with time zone not null,
  primary key (case_number, process_instance_id)
);
