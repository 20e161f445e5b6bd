-- A reply shortly after closing reopens the case; the metrics count reopens.
alter table ft_case add column reopened_count integer default 0 not null;
alter table ft_case add column last_reopened_at timestamp with time zone;
