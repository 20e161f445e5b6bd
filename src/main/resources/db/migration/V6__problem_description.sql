-- The whole problem description (up to 20,000 characters, as the API takes it); the process
-- variable holds a preview, since the engine's string column holds 4,000.
alter table ft_case add column problem_description varchar(20000);
