package org.relationcrm.playbook.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.playbook.Guide;
import org.relationcrm.playbook.GuideText;
import org.relationcrm.playbook.GuideVersion;
import org.relationcrm.playbook.Language;
import org.relationcrm.playbook.PlaybookRow;
import org.relationcrm.playbook.Situation;
import org.relationcrm.playbook.internal.PlaybookQueries;
import org.relationcrm.playbook.internal.PlaybookTexts;
import org.relationcrm.shared.Slice;

/**
 * The guides' texts and their read side in plain SQL, one statement each. Showing or opening a guide counts it in
 * the statement that reads it: a data-modifying CTE adds one to the guide's row of the day.
 */
@Repository
class SqlPlaybooks implements PlaybookQueries, PlaybookTexts {

    private static final String TEXT_COLUMNS = """
            t.language, t.title, t.when_to_use, t.steps, t.phrases_to_use, t.phrases_to_avoid, t.criteria""";

    /** The current version of the chosen guides (CTE {@code g}) in each language, with the reader's vote. */
    private static final String GUIDE_SELECT = """
            select g.id, g.situation, g.version, g.revision, g.updated_at, g.updated_by_name, v.useful my_vote,
            """ + TEXT_COLUMNS + """

            from g
            join playbook_text t on t.playbook_id = g.id and t.revision = g.revision
            left join playbook_vote v on v.playbook_id = g.id and v.revision = g.revision and v.user_id = :reader
            order by g.id, t.language
            """;

    private static final String CHOSEN = """
            with g as (
                select p.id, p.situation, p.version, p.revision, p.updated_at, u.full_name updated_by_name
                from playbook p
                join app_user u on u.id = p.updated_by
                where %s
            )%s
            """;

    private static final String COUNT = """
            , counted as (
                insert into playbook_usage (playbook_id, day, %1$s)
                select id, current_date, 1 from g
                on conflict (playbook_id, day) do update set %1$s = playbook_usage.%1$s + 1
            )""";

    private final JdbcClient jdbc;

    SqlPlaybooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(long playbookId, int revision, Map<Language, GuideText> texts, long authorId, Instant at) {
        for (Map.Entry<Language, GuideText> entry : texts.entrySet()) {
            GuideText text = entry.getValue();
            jdbc.sql("""
                            insert into playbook_text (playbook_id, revision, language, title, when_to_use, steps,
                                                       phrases_to_use, phrases_to_avoid, criteria, written_by, written_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(playbookId, revision, entry.getKey().name(), text.title(), text.whenToUse(),
                            array(text.steps()), array(text.phrasesToUse()), array(text.phrasesToAvoid()),
                            array(text.criteria()), authorId, Timestamp.from(at))
                    .update();
        }
    }

    @Override
    public boolean vote(long playbookId, int revision, long userId, boolean useful, Instant at) {
        return jdbc.sql("""
                        insert into playbook_vote (playbook_id, revision, user_id, useful, voted_at)
                        select p.id, :revision, :user, :useful, :at from playbook p
                        where p.id = :id and :revision between 1 and p.revision
                        on conflict (playbook_id, revision, user_id)
                            do update set useful = excluded.useful, voted_at = excluded.voted_at
                        """)
                .param("id", playbookId).param("revision", revision).param("user", userId).param("useful", useful)
                .param("at", Timestamp.from(at))
                .update() == 1;
    }

    @Override
    public List<PlaybookRow> list() {
        String order = Arrays.stream(Situation.values())
                .map(s -> "when '" + s.name() + "' then " + s.ordinal())
                .collect(Collectors.joining(" ", "case p.situation ", " end"));
        return jdbc.sql("""
                        select p.id, p.situation, p.revision, p.updated_at,
                               (select t.title from playbook_text t where t.playbook_id = p.id
                                    and t.revision = p.revision and t.language = 'FR') title_fr,
                               (select t.title from playbook_text t where t.playbook_id = p.id
                                    and t.revision = p.revision and t.language = 'EN') title_en,
                               coalesce(s.shown, 0) shown, coalesce(s.opened, 0) opened,
                               (select count(*) from playbook_vote v where v.playbook_id = p.id
                                    and v.revision = p.revision and v.useful) useful,
                               (select count(*) from playbook_vote v where v.playbook_id = p.id
                                    and v.revision = p.revision and not v.useful) not_useful
                        from playbook p
                        left join lateral (select sum(x.shown) shown, sum(x.opened) opened
                                           from playbook_usage x where x.playbook_id = p.id) s on true
                        order by %s
                        """.formatted(order))
                .query((rs, n) -> new PlaybookRow(rs.getLong("id"), Situation.valueOf(rs.getString("situation")),
                        rs.getInt("revision"), rs.getTimestamp("updated_at").toInstant(), rs.getString("title_fr"),
                        rs.getString("title_en"), rs.getLong("shown"), rs.getLong("opened"), rs.getLong("useful"),
                        rs.getLong("not_useful")))
                .list();
    }

    @Override
    public Optional<Guide> guide(long id, long readerId, boolean countOpened) {
        String sql = CHOSEN.formatted("p.id = :id", countOpened ? COUNT.formatted("opened") : "") + GUIDE_SELECT;
        return guides(jdbc.sql(sql).param("id", id).param("reader", readerId)).values().stream().findFirst();
    }

    @Override
    public Map<Situation, Guide> shown(Set<Situation> situations, long readerId) {
        String sql = CHOSEN.formatted("p.situation in (:situations)", COUNT.formatted("shown")) + GUIDE_SELECT;
        return guides(jdbc.sql(sql).param("situations", situations.stream().map(Situation::name).toList())
                .param("reader", readerId));
    }

    @Override
    public Slice<GuideVersion, Integer> history(long id, Integer before, int limit) {
        Map<Integer, GuideVersion> versions = new LinkedHashMap<>();
        jdbc.sql("""
                        with r as (
                            select distinct t.revision from playbook_text t
                            where t.playbook_id = :id and t.revision < :before
                            order by t.revision desc limit :limit
                        )
                        select t.revision, t.written_at, u.full_name,
                               (select count(*) from playbook_vote v where v.playbook_id = t.playbook_id
                                    and v.revision = t.revision and v.useful) useful,
                               (select count(*) from playbook_vote v where v.playbook_id = t.playbook_id
                                    and v.revision = t.revision and not v.useful) not_useful,
                        """ + TEXT_COLUMNS + """

                        from playbook_text t
                        join r on r.revision = t.revision
                        join app_user u on u.id = t.written_by
                        where t.playbook_id = :id
                        order by t.revision desc, t.language
                        """)
                .param("id", id).param("before", before == null ? Integer.MAX_VALUE : before).param("limit", limit + 1)
                .query(rs -> {
                    int revision = rs.getInt("revision");
                    GuideVersion known = versions.get(revision);
                    Map<Language, GuideText> texts = withText(known == null ? Map.of() : known.texts(), rs);
                    versions.put(revision, new GuideVersion(revision, rs.getTimestamp("written_at").toInstant(),
                            rs.getString("full_name"), texts, rs.getLong("useful"), rs.getLong("not_useful")));
                });
        List<GuideVersion> all = new ArrayList<>(versions.values());
        if (all.size() > limit) {
            List<GuideVersion> page = all.subList(0, limit);
            return new Slice<>(List.copyOf(page), page.getLast().revision());
        }
        return new Slice<>(all, null);
    }

    /** Guides from rows of {@link #GUIDE_SELECT}, one row per language. */
    private static Map<Situation, Guide> guides(JdbcClient.StatementSpec statement) {
        Map<Long, Guide> byId = new LinkedHashMap<>();
        statement.query(rs -> {
            long id = rs.getLong("id");
            Guide known = byId.get(id);
            Map<Language, GuideText> texts = withText(known == null ? Map.of() : known.texts(), rs);
            Boolean vote = rs.getBoolean("my_vote");
            if (rs.wasNull()) {
                vote = null;
            }
            byId.put(id, new Guide(id, Situation.valueOf(rs.getString("situation")), rs.getLong("version"),
                    rs.getInt("revision"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by_name"),
                    texts, vote));
        });
        Map<Situation, Guide> bySituation = new EnumMap<>(Situation.class);
        byId.values().forEach(g -> bySituation.put(g.situation(), g));
        return bySituation;
    }

    /** The texts read so far for a guide or a version, and the language of this row (one row per language). */
    private static Map<Language, GuideText> withText(Map<Language, GuideText> known, ResultSet rs) throws SQLException {
        Map<Language, GuideText> texts = new EnumMap<>(Language.class);
        texts.putAll(known);
        texts.put(Language.valueOf(rs.getString("language")), text(rs));
        return texts;
    }

    private static GuideText text(ResultSet rs) throws SQLException {
        return new GuideText(rs.getString("title"), rs.getString("when_to_use"), list(rs.getArray("steps")),
                list(rs.getArray("phrases_to_use")), list(rs.getArray("phrases_to_avoid")),
                list(rs.getArray("criteria")));
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static String[] array(List<String> items) {
        return items.toArray(String[]::new);
    }
}
