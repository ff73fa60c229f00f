package org.relationcrm.pipeline.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.pipeline.Stage;

/**
 * The order of the stages and which are open, as Java has them ({@link Stage}) and as the database has them (the
 * table pipeline_stage of V26, read by the dashboard's triggers): one order, checked here on every build.
 */
@SpringBootTest
class StageOrderTests {

    @Autowired
    JdbcClient jdbc;

    record Row(String code, boolean open) {
    }

    @Test
    void theDatabaseListsTheStagesInTheEnumsOrderWithTheSameOpenOnes() {
        List<Row> rows = jdbc.sql("select code, is_open from pipeline_stage order by rank")
                .query((rs, n) -> new Row(rs.getString("code"), rs.getBoolean("is_open"))).list();

        assertThat(rows).containsExactlyElementsOf(
                Arrays.stream(Stage.values()).map(s -> new Row(s.name(), s.isOpen())).toList());
    }

    @Test
    void theTriggersFunctionsRankAndOpenEachStageAsJavaDoes() {
        for (Stage stage : Stage.values()) {
            assertThat(jdbc.sql("select pipeline_stage_rank(:s)").param("s", stage.name()).query(Integer.class).single())
                    .as("rank of " + stage).isEqualTo(stage.ordinal() + 1);
            assertThat(jdbc.sql("select pipeline_is_open(:s)").param("s", stage.name()).query(Boolean.class).single())
                    .as("open " + stage).isEqualTo(stage.isOpen());
        }
    }

    @Test
    void theOpenStagesOfTheQueriesComeFromTheEnum() {
        assertThat(SqlPipelineQueries.OPEN).isEqualTo("('PROSPECTING', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION')");
    }
}
