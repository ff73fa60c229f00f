package org.relationcrm.search.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Contact;
import org.relationcrm.feedback.Complaint;
import org.relationcrm.feedback.ComplaintCategory;
import org.relationcrm.feedback.ComplaintService;
import org.relationcrm.feedback.NewComplaint;
import org.relationcrm.feedback.Severity;
import org.relationcrm.pipeline.NextStepPlan;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityDetails;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.OpportunitySource;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.search.GlobalSearch;
import org.relationcrm.search.SearchHit;
import org.relationcrm.search.SearchKind;
import org.relationcrm.search.SearchResults;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/** The search box's one statement, on a real PostgreSQL: what each kind is found by, in which order, how many. */
@SpringBootTest
class GlobalSearchTests {

    /** The app's clock (relation.time-zone): "today" is the app's day, whatever the JVM's zone. */
    @Autowired
    java.time.Clock clock;

    private static final Set<SearchKind> ALL = EnumSet.allOf(SearchKind.class);

    @Autowired
    GlobalSearch search;
    @Autowired
    ClientService clients;
    @Autowired
    OpportunityService opportunities;
    @Autowired
    ComplaintService complaints;
    @Autowired
    UserService users;

    User sales;
    User support;
    /** Unique to this test: no other test's row contains it. */
    String tag;

    @BeforeEach
    void setUp() {
        sales = TestData.user(users, Role.SALES, Department.SALES);
        support = TestData.user(users, Role.SUPPORT, Department.SUPPORT);
        tag = TestData.unique("zq").replace("-", "");
    }

    @Test
    void findsCompaniesPeopleDealsAndComplaintsByWhatUsersType() {
        Company company = company("Fromagerie Hélène " + tag);
        Contact person = clients.addContact(company.id(), TestData.person("Anne", "Dupont", "anne@" + tag + ".fr"));
        Company other = company("Société " + TestData.unique("Autre"));
        Opportunity deal = deal(other, "Renouvellement " + tag);
        Complaint complaint = complaint(other, "Livraison de " + tag + " arrivée cassée");

        SearchResults found = search.find(tag.toUpperCase(), ALL, GlobalSearch.SUGGESTIONS);

        assertThat(ids(found, SearchKind.COMPANY)).containsExactly(company.id());
        assertThat(ids(found, SearchKind.PERSON)).containsExactly(person.id());
        assertThat(ids(found, SearchKind.DEAL)).containsExactly(deal.id());
        assertThat(ids(found, SearchKind.COMPLAINT)).containsExactly(complaint.id());
        assertThat(found.byKind().get(SearchKind.PERSON).getFirst())
                .isEqualTo(new SearchHit(SearchKind.PERSON, person.id(), "Anne Dupont", company.details().name(), "Lyon",
                        null));
        assertThat(found.byKind().get(SearchKind.DEAL).getFirst().state()).isEqualTo("PROSPECTING");
        // accents and case do not matter
        assertThat(ids(search.find("fromagerie helene " + tag, ALL, 5), SearchKind.COMPANY)).containsExactly(company.id());
    }

    @Test
    void theDealsAndComplaintsOfACompanyAreFoundByTheStartOfItsName() {
        Company company = company(tag + " Industries");
        Opportunity open = deal(company, "Mission de conseil 2026");
        Complaint complaint = complaint(company, "Retard de livraison");

        SearchResults found = search.find(tag, ALL, 5);

        assertThat(ids(found, SearchKind.DEAL)).containsExactly(open.id());
        assertThat(found.byKind().get(SearchKind.DEAL).getFirst().companyName()).isEqualTo(tag + " Industries");
        assertThat(ids(found, SearchKind.COMPLAINT)).containsExactly(complaint.id());
    }

    @Test
    void aComplaintIsFoundByItsSubjectAndShownByIt() {
        Company company = company("Société " + TestData.unique("Autre"));
        Complaint complaint = complaints.open(new NewComplaint(company.id(), null, Channel.PHONE,
                ComplaintCategory.DELIVERY, Severity.MEDIUM, "Palettes " + tag + " abîmées",
                "Trois palettes sur dix arrivées cassées"), support.id(), sales.asActor());

        SearchResults found = search.find("palettes " + tag, ALL, 5);

        assertThat(ids(found, SearchKind.COMPLAINT)).containsExactly(complaint.id());
        assertThat(found.byKind().get(SearchKind.COMPLAINT).getFirst().name()).isEqualTo("Palettes " + tag + " abîmées");
    }

    @Test
    void aComplaintIsFoundByItsNumber() {
        Complaint complaint = complaint(company("Société " + tag), "Facture en double");

        assertThat(ids(search.find("#" + complaint.id(), ALL, 5), SearchKind.COMPLAINT)).first()
                .isEqualTo(complaint.id());
        assertThat(ids(search.find(String.valueOf(complaint.id()), Set.of(SearchKind.COMPLAINT), 5), SearchKind.COMPLAINT))
                .first().isEqualTo(complaint.id());
    }

    @Test
    void namesThatStartWithTheTextComeBeforeNamesThatContainIt() {
        Company inside = company("Atelier " + tag);
        Company starting = company(tag + " Atelier");

        assertThat(ids(search.find(tag, ALL, 5), SearchKind.COMPANY)).containsExactly(starting.id(), inside.id());
    }

    @Test
    void eachKindIsCutAtTheAskedNumberOfHits() {
        for (int i = 0; i < 7; i++) {
            company(tag + " " + i);
        }

        SearchResults found = search.find(tag, ALL, 5);

        assertThat(found.byKind().get(SearchKind.COMPANY)).extracting(SearchHit::name)
                .containsExactly(tag + " 0", tag + " 1", tag + " 2", tag + " 3", tag + " 4");
    }

    @Test
    void onlyTheKindsTheUserMaySeeAreSearched() {
        Company company = company(tag + " Industries");
        deal(company, "Mission " + tag);
        complaint(company, "Retard " + tag);

        SearchResults found = search.find(tag, EnumSet.of(SearchKind.COMPANY, SearchKind.PERSON), 5);

        assertThat(found.byKind().keySet()).containsExactly(SearchKind.COMPANY);
        assertThat(search.find(tag, Set.of(), 5).isEmpty()).isTrue();
    }

    @Test
    void wildcardsAreTypedCharacters() {
        Company underscore = company("a_b " + tag);
        company("axb " + tag);

        assertThat(ids(search.find("a_b " + tag, ALL, 5), SearchKind.COMPANY)).containsExactly(underscore.id());
        assertThat(search.find("%", ALL, 5).isEmpty()).isTrue();
        assertThat(search.find("   ", ALL, 5).isEmpty()).isTrue();
        assertThat(search.find("\u0301", ALL, 5).isEmpty()).isTrue(); // a lone combining accent folds to nothing
    }

    private Company company(String name) {
        return clients.createCompany(TestData.company(name, sales.id()), sales.asActor());
    }

    private Opportunity deal(Company company, String title) {
        return opportunities.open(company.id(), Stage.PROSPECTING,
                new OpportunityDetails(title, new BigDecimal("12000"), "EUR", null, LocalDate.now(clock).plusMonths(2),
                        sales.id(), OpportunitySource.REFERRAL, Set.of(), Set.of()),
                new NextStepPlan("Appeler l'acheteuse", LocalDate.now(clock).plusDays(3)), sales.asActor());
    }

    private Complaint complaint(Company company, String description) {
        return complaints.open(new NewComplaint(company.id(), null, Channel.PHONE, ComplaintCategory.DELIVERY,
                Severity.MEDIUM, description, description), support.id(), sales.asActor());
    }

    private static List<Long> ids(SearchResults results, SearchKind kind) {
        return results.byKind().getOrDefault(kind, List.of()).stream().map(SearchHit::id).toList();
    }
}
