-- R17: a case whose First Quality Response came after its target
alter table ft_case add column first_response_target_missed boolean default false not null;
