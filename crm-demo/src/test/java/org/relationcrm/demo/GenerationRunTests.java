package org.relationcrm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.relationcrm.shared.Department;

/** The rows themselves, written to memory instead of PostgreSQL. */
class GenerationRunTests {

    static final Instant NOW = Instant.parse("2026-03-10T15:30:00Z");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final List<GenerationPlan.Staff> STAFF = List.of(
            new GenerationPlan.Staff(11, Department.SALES), new GenerationPlan.Staff(12, Department.SALES),
            new GenerationPlan.Staff(21, Department.SUPPORT), new GenerationPlan.Staff(31, Department.ADV),
            new GenerationPlan.Staff(41, Department.MANAGEMENT));
    static final GenerationPlan PLAN = new GenerationPlan(300, 900, 20_000, 42, STAFF);

    static RecordingCopyTarget rows;

    @BeforeAll
    static void generate() throws Exception {
        rows = run(PLAN);
    }

    static RecordingCopyTarget run(GenerationPlan plan) throws Exception {
        RecordingCopyTarget target = new RecordingCopyTarget(true);
        new GenerationRun(plan, target, NOW, PARIS, 1_000, 5_000, 100_000).execute();
        return target;
    }

    @Test
    void everyRowHasTheColumnsItsCopyStatementNames() {
        Map<String, String> statements = Map.of(
                "company", GenerationRun.COMPANY_COPY, "contact", GenerationRun.CONTACT_COPY,
                "contact_important_date", GenerationRun.IMPORTANT_DATE_COPY,
                "interaction", GenerationRun.INTERACTION_COPY,
                "interaction_contact", GenerationRun.INTERACTION_CONTACT_COPY);
        statements.forEach((table, sql) -> {
            int columns = sql.substring(sql.indexOf('(') + 1, sql.indexOf(')')).split(",").length;
            assertThat(rows.rows(table)).as(table).isNotEmpty().allSatisfy(row -> assertThat(row).hasSize(columns));
        });
        assertThat(rows.rows("company")).hasSize(300);
        assertThat(rows.rows("contact")).hasSize(900);
        assertThat(rows.rows("interaction")).hasSize(20_000);
    }

    @Test
    void theSameSeedAndDayGiveTheSameRowsAndAnotherSeedOthers() throws Exception {
        RecordingCopyTarget again = run(PLAN);
        RecordingCopyTarget other = run(new GenerationPlan(300, 900, 20_000, 43, STAFF));
        for (String table : List.of("company", "contact", "interaction", "interaction_contact")) {
            assertThat(again.rows(table)).as(table).usingElementComparator(Arrays::compare)
                    .containsExactlyElementsOf(rows.rows(table));
        }
        assertThat(other.rows("company").get(10)).isNotEqualTo(rows.rows("company").get(10));
    }

    @Test
    void companiesHaveFrenchAddressesWhosePostalCodeMatchesTheCity() {
        Map<String, Set<String>> postalCodes = new HashMap<>();
        FrenchData.CITIES.forEach(c -> postalCodes.put(c.name(), Set.of(c.postalCodes())));
        for (String[] company : rows.rows("company")) {
            String postalCode = company[6];
            String city = company[7];
            if (!city.equals("\\N")) {
                assertThat(postalCodes.get(city)).as(city).contains(postalCode);
            }
            String phone = company[10];
            if (!phone.equals("\\N")) {
                assertThat(phone).matches("0[1-5]( \\d\\d){4}");
            }
        }
        long withSiren = rows.rows("company").stream().filter(c -> !c[2].equals("\\N")).count();
        assertThat(withSiren).isGreaterThan(240);
        assertThat(rows.rows("company").stream().filter(c -> c[3].equals("\\N")).count())
                .as("some companies have no sector, so completeness varies").isPositive();
    }

    @Test
    void sirenNumbersPassTheLuhnCheckAndAreNotReused() {
        Set<String> seen = new HashSet<>();
        for (String[] company : rows.rows("company")) {
            String siren = company[2];
            if (siren.equals("\\N")) {
                continue;
            }
            assertThat(siren).matches("[3-9]\\d{8}");
            assertThat(luhn(siren)).as(siren).isTrue();
            assertThat(seen.add(siren)).as(siren).isTrue();
        }
        assertThat(GenerationRun.siren(73_282_932)).isEqualTo("732829320");
    }

    @Test
    void peopleAreAddressedAsTheirFirstNameSuggestsAndHaveAsciiEmails() {
        Set<String> women = Set.of(FrenchData.FEMALE_FIRST_NAMES);
        Set<String> men = Set.of(FrenchData.MALE_FIRST_NAMES);
        for (String[] person : rows.rows("contact")) {
            String civility = person[3];
            String firstName = person[4];
            if (women.contains(firstName)) {
                assertThat(civility).isIn("MRS", "NONE");
            }
            if (men.contains(firstName)) {
                assertThat(civility).isIn("MR", "NONE");
            }
            String email = person[8];
            if (!email.equals("\\N")) {
                assertThat(email).matches("[a-z0-9.-]+@[a-z0-9.-]+\\.[a-z]+");
            }
            for (int phone : new int[] {9, 10}) {
                if (!person[phone].equals("\\N")) {
                    assertThat(person[phone]).matches("0[1-7]( \\d\\d){4}");
                }
            }
        }
        assertThat(rows.rows("contact")).anySatisfy(p -> assertThat(p[4]).containsAnyOf("é", "è", "ë", "ï", "ç", "ô"));
        assertThat(rows.rows("contact")).anySatisfy(p -> assertThat(p[13]).isEqualTo("en"));
    }

    @Test
    void eachCompanysFirstPersonIsItsPrimaryContact() {
        Set<String> companiesSeen = new HashSet<>();
        for (String[] person : rows.rows("contact")) {
            String company = person[1];
            if (company.equals("\\N")) {
                assertThat(person[2]).isEqualTo("f");
                continue;
            }
            boolean first = companiesSeen.add(company);
            assertThat(person[2]).isEqualTo(first ? "t" : "f");
        }
    }

    @Test
    void importantDatesAreBirthdaysOrContractAnniversariesAtPositionZero() {
        assertThat(rows.rows("contact_important_date")).isNotEmpty().allSatisfy(date -> {
            assertThat(date[1]).isEqualTo("0");
            assertThat(date[2]).isIn("Anniversaire", "Anniversaire de contrat");
            assertThat(LocalDate.parse(date[3])).isBefore(LocalDate.ofInstant(NOW, PARIS));
        });
    }

    @Test
    void interactionIdsGrowWithTime() {
        String previous = "";
        for (String[] interaction : rows.rows("interaction")) {
            assertThat(interaction[4].compareTo(previous)).isGreaterThanOrEqualTo(0);
            previous = interaction[4];
        }
    }

    @Test
    void emailAndPhoneAreTheMostUsedChannels() {
        Map<String, Long> byChannel = new HashMap<>();
        rows.rows("interaction").forEach(i -> byChannel.merge(i[2], 1L, Long::sum));
        long email = byChannel.get("EMAIL");
        long phone = byChannel.get("PHONE");
        byChannel.forEach((channel, n) -> {
            if (!channel.equals("EMAIL") && !channel.equals("PHONE")) {
                assertThat(n).as(channel).isLessThan(Math.min(email, phone) / 2);
            }
        });
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
