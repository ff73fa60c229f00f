package org.relationcrm.team.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.team.internal.LoginAttempts;
import org.relationcrm.team.LoginPolicy;

/** The failure counts of {@link org.relationcrm.team.LoginThrottle} in table login_attempt: one statement each. */
@Repository
class SqlLoginAttempts implements LoginAttempts {

    /**
     * Both counts in one atomic upsert. A count starts again at 1 when the previous failure is older than the
     * window; reaching the threshold starts a lock (the caller has checked that none was running).
     */
    private static final String RECORD_FAILURE = """
            insert into login_attempt as a (kind, subject, failures, last_failure_at, locked_until)
            values ('ACCOUNT', :account, 1, cast(:now as timestamptz),
                    case when :maxAccount <= 1 then cast(:lockEnd as timestamptz) end),
                   ('ADDRESS', :address, 1, cast(:now as timestamptz),
                    case when :maxAddress <= 1 then cast(:lockEnd as timestamptz) end)
            on conflict (kind, subject) do update set
                failures = case when a.last_failure_at <= :windowStart then 1 else a.failures + 1 end,
                last_failure_at = excluded.last_failure_at,
                locked_until = case
                    when (case when a.last_failure_at <= :windowStart then 1 else a.failures + 1 end)
                         >= case a.kind when 'ACCOUNT' then :maxAccount else :maxAddress end
                    then cast(:lockEnd as timestamptz) else a.locked_until end
            returning locked_until
            """;

    private final JdbcClient jdbc;

    SqlLoginAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Instant> lockedUntil(String account, String address, Instant now) {
        Timestamp until = jdbc.sql("""
                        select locked_until from login_attempt
                        where ((kind = 'ACCOUNT' and subject = :account) or (kind = 'ADDRESS' and subject = :address))
                          and locked_until > :now
                        order by locked_until desc limit 1""")
                .param("account", account).param("address", address).param("now", Timestamp.from(now))
                .query(Timestamp.class).optional().orElse(null);
        return Optional.ofNullable(until).map(Timestamp::toInstant);
    }

    @Override
    public Optional<Instant> recordFailure(String account, String address, Instant now, LoginPolicy policy) {
        List<Timestamp> locks = jdbc.sql(RECORD_FAILURE)
                .param("account", account).param("address", address)
                .param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(now.minus(policy.window())))
                .param("lockEnd", Timestamp.from(now.plus(policy.lockDuration())))
                .param("maxAccount", policy.maxAccountFailures())
                .param("maxAddress", policy.maxAddressFailures())
                .query(Timestamp.class).list();
        return locks.stream().filter(Objects::nonNull).map(Timestamp::toInstant).filter(now::isBefore).findFirst();
    }

    @Override
    public void forgetAccount(String account) {
        jdbc.sql("delete from login_attempt where kind = 'ACCOUNT' and subject = :account")
                .param("account", account).update();
    }

    @Override
    public int forgetOlderThan(Instant before, Instant now) {
        return jdbc.sql("""
                        delete from login_attempt
                        where last_failure_at < :before and (locked_until is null or locked_until <= :now)""")
                .param("before", Timestamp.from(before)).param("now", Timestamp.from(now)).update();
    }
}
