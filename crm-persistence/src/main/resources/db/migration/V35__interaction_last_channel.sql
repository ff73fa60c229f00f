-- The channel each user chose the last time they logged an interaction in the form: their next form starts on it,
-- on whichever device they sign in from. One row per user, written in the same transaction as the interaction
-- (InteractionService.logByHand) and read by primary key.
create table interaction_last_channel (
    user_id   bigint      primary key references app_user (id) on delete cascade,
    channel   varchar(20) not null check (channel in ('PHONE', 'EMAIL', 'MEETING', 'VISIT', 'CHAT', 'LETTER', 'SOCIAL', 'SMS')),
    chosen_at timestamptz not null
);

-- Until each user logs again, the channel of the last exchange they logged.
insert into interaction_last_channel (user_id, channel, chosen_at)
select distinct on (author_id) author_id, channel, logged_at
from interaction
where kind = 'EXCHANGE'
order by author_id, logged_at desc, id desc;
