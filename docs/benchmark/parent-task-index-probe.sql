-- The sub-task look-up every task completion runs (Camunda 7.24, Task.xml selectTasksByParentTaskId),
-- with 100,000 open tasks, without and with V11's index. Run: createdb probe; psql -d probe -f parent-task-index-probe.sql
-- ACT_RU_TASK as Camunda 7.24 creates it on PostgreSQL:
create table ACT_RU_TASK (
    ID_ varchar(64),
    REV_ integer,
    EXECUTION_ID_ varchar(64),
    PROC_INST_ID_ varchar(64),
    PROC_DEF_ID_ varchar(64),
    CASE_EXECUTION_ID_ varchar(64),
    CASE_INST_ID_ varchar(64),
    CASE_DEF_ID_ varchar(64),
    NAME_ varchar(255),
    PARENT_TASK_ID_ varchar(64),
    DESCRIPTION_ varchar(4000),
    TASK_DEF_KEY_ varchar(255),
    OWNER_ varchar(255),
    ASSIGNEE_ varchar(255),
    DELEGATION_ varchar(64),
    PRIORITY_ integer,
    CREATE_TIME_ timestamp,
    LAST_UPDATED_ timestamp,
    DUE_DATE_ timestamp,
    FOLLOW_UP_DATE_ timestamp,
    SUSPENSION_STATE_ integer,
    TENANT_ID_ varchar(64),
    TASK_STATE_ varchar(64),
    primary key (ID_)
);
insert into ACT_RU_TASK (ID_, REV_, EXECUTION_ID_, PROC_INST_ID_, NAME_, TASK_DEF_KEY_, ASSIGNEE_, PRIORITY_, CREATE_TIME_, SUSPENSION_STATE_, DESCRIPTION_)
  select md5(g::text), 1, md5('e'||g), md5('p'||g), 'Prepare the First Quality Response · CASE-' || g || ' · Dana Whitfield', 'Task_PrepareFirstQualityResponse', 'engineer', 50, now(), 1, repeat('x', 200)
  from generate_series(1, 100000) g;
analyze ACT_RU_TASK;
\timing on
explain (analyze, buffers) select * from ACT_RU_TASK where PARENT_TASK_ID_ = 'c4ca4238a0b923820dcc509a6f75849b';
create index ft_idx_task_parent_task on ACT_RU_TASK (PARENT_TASK_ID_);
explain (analyze, buffers) select * from ACT_RU_TASK where PARENT_TASK_ID_ = 'c4ca4238a0b923820dcc509a6f75849b';
