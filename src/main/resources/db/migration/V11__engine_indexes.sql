-- Indexes the engine's own queries need once tens of thousands of cases are open (issue 12). They
-- live on the engine's tables, so this migration must run after the engine created its schema
-- (EngineSchemaFirst). Named ft_*: a later Camunda version that adds its own cannot collide.

-- Completing a task looks for its sub-tasks by PARENT_TASK_ID_, which Camunda 7.24 does not index:
-- without this, every completion reads every open task.
create index ft_idx_task_parent_task on ACT_RU_TASK (PARENT_TASK_ID_);

-- The job executor acquires the oldest due job first (jobExecutorAcquireByDueDate) and only jobs
-- with a due date (ensureJobDueDateNotNull): with this index it reads the few due jobs, not all
-- waiting timers.
create index ft_idx_job_due_date on ACT_RU_JOB (DUEDATE_);

-- Jobs created before ensureJobDueDateNotNull have none; they are due now, as they were.
update ACT_RU_JOB set DUEDATE_ = CURRENT_TIMESTAMP where DUEDATE_ is null;
