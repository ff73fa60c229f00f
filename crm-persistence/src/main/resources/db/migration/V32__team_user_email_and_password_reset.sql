-- A user's work email (optional, unique whatever its case), and the flag an administrator's password reset sets:
-- the user must choose their own password before anything else.
alter table app_user add column email varchar(254);
create unique index app_user_email_unique on app_user (lower(email));
alter table app_user add column must_change_password boolean not null default false;
