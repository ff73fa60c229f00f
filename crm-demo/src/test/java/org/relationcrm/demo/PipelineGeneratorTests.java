package org.relationcrm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.relationcrm.client.ClientService;
import org.relationcrm.pipeline.DashboardFilter;
import org.relationcrm.pipeline.PipelineDashboard;
import org.relationcrm.pipeline.PipelineQueries;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * The generated pipeline reads like a real one on the manager's dashboard: each stage converts and lasts as that
 * stage does (prospects are often dropped fast, proposals wait), instead of every bar showing the same figure.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineGeneratorTests {

    @Autowired
    PipelineGenerator generator;
    @Autowired
    PipelineQueries queries;
    @Autowired
    UserService users;
    @Autowired
    ClientService clients;
    @Autowired
    Clock clock;

    PipelineDashboard twoYears;

    @BeforeAll
    void generate() {
        User rep = TestData.user(users, Role.SALES, Department.SALES);
        User manager = TestData.user(users, Role.MANAGER, Department.MANAGEMENT);
        for (int i = 0; i < 5; i++) {
            clients.createCompany(TestData.company(TestData.unique("Pipeline"), rep.id()), rep.asActor());
        }
        var report = generator.generate(2_000, 42, new PipelineGenerator.Team(new long[]{rep.id()}, manager.id()),
                clock.instant(), clock.getZone(), false);
        assertThat(report.opportunities()).isEqualTo(2_000);
        LocalDate today = LocalDate.now(clock);
        twoYears = queries.dashboard(new DashboardFilter(today.minusYears(2), today, rep.id(), null),
                clock.instant().minusSeconds(21 * 86_400L), today);
    }

    @Test
    void eachStageConvertsAtItsOwnRate() {
        List<Double> rates = twoYears.conversions().stream().map(PipelineDashboard.Conversion::rate)
                .filter(Objects::nonNull).toList();
        assertThat(rates).hasSize(4);
        double spread = rates.stream().mapToDouble(r -> r).max().orElseThrow()
                - rates.stream().mapToDouble(r -> r).min().orElseThrow();
        assertThat(spread).as("conversion rates by stage %s", rates).isGreaterThan(0.2);
    }

    @Test
    void eachStageLastsItsOwnTime() {
        List<Double> days = twoYears.stageTimes().stream().map(PipelineDashboard.StageTime::averageDays).toList();
        double longest = days.stream().mapToDouble(d -> d).max().orElseThrow();
        double shortest = days.stream().mapToDouble(d -> d).min().orElseThrow();
        assertThat(longest / shortest).as("average days by stage %s", days).isGreaterThan(2);
    }
}
