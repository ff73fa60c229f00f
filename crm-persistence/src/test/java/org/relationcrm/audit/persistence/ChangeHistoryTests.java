package org.relationcrm.audit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import org.relationcrm.audit.AuditActor;
import org.relationcrm.audit.Change;
import org.relationcrm.audit.ChangeHistory;
import org.relationcrm.audit.CurrentActor;
import org.relationcrm.audit.RecordKind;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.Slice;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;
import org.relationcrm.audit.ChangeCursor;

/**
 * The change-history triggers (V70) record who changed which field of a company, from what to what, whichever layer
 * wrote it: the actor reaches PostgreSQL once per writing transaction (ActorOnFirstWrite).
 */
@SpringBootTest
class ChangeHistoryTests {

    @Autowired ClientService clients;
    @Autowired UserService users;
    @Autowired ChangeHistory history;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void aUsersEditOfACompanyIsRecordedFieldByFieldWithTheUser() {
        User rep = TestData.user(users, Role.SALES, Department.SALES);
        User manager = TestData.user(users, Role.MANAGER, Department.SALES);
        String name = TestData.unique("Hist");
        AuditActor asRep = AuditActor.user(rep.id(), rep.username());
        Company company = CurrentActor.runAs(asRep, () -> clients.createCompany(TestData.company(name, rep.id()), actor(rep)));
        CompanyDetails revised = new CompanyDetails(name + " SA", null, "Industrie", null, null, null, "Grenoble",
                "France", null, null, company.status(), rep.id(), null);
        CurrentActor.runAs(asRep, () -> clients.reviseCompany(company.id(), company.version(), revised, actor(rep)));

        Slice<Change, ChangeCursor> page = history.of(RecordKind.COMPANY, company.id(), null, actor(manager));

        assertThat(page.rows()).hasSize(2);
        Change edit = page.rows().getFirst();
        assertThat(edit.operation()).isEqualTo(Change.Operation.UPDATE);
        assertThat(edit.actorId()).isEqualTo(rep.id());
        assertThat(edit.actorName()).isEqualTo(rep.fullName());
        assertThat(edit.fields()).containsExactlyInAnyOrder(
                new Change.FieldChange("city", "Lyon", "Grenoble"),
                new Change.FieldChange("name", name, name + " SA"));
        assertThat(page.rows().get(1).operation()).isEqualTo(Change.Operation.INSERT);
        assertThat(page.rows().get(1).actorId()).isEqualTo(rep.id());
    }

    @Test
    void aBulkUpdateInSqlIsRecordedAndAWriteWithNobodyActingHasNoActor() {
        User rep = TestData.user(users, Role.SALES, Department.SALES);
        User manager = TestData.user(users, Role.MANAGER, Department.SALES);
        Company company = clients.createCompany(TestData.company(TestData.unique("Bulk"), rep.id()), actor(rep));
        AuditActor importer = AuditActor.user(manager.id(), manager.username());

        CurrentActor.runAs(importer, () -> transactions.executeWithoutResult(status ->
                jdbc.sql("update company set city = 'Nantes', version = version + 1 where id = :id")
                        .param("id", company.id()).update()));
        transactions.executeWithoutResult(status ->
                jdbc.sql("update company set sector = 'Chimie' where id = :id").param("id", company.id()).update());
        // only a skipped column changed: no line
        transactions.executeWithoutResult(status ->
                jdbc.sql("update company set version = version + 1 where id = :id").param("id", company.id()).update());

        List<Change> changes = history.of(RecordKind.COMPANY, company.id(), null, actor(manager)).rows();
        assertThat(changes).hasSize(3);
        assertThat(changes.get(0).actorId()).isNull();
        assertThat(changes.get(0).fields()).containsExactly(new Change.FieldChange("sector", "Industrie", "Chimie"));
        assertThat(changes.get(1).actorId()).isEqualTo(manager.id());
        assertThat(changes.get(1).fields()).containsExactly(new Change.FieldChange("city", "Lyon", "Nantes"));
    }

    @Test
    void forgottenValuesKeepWhoChangedWhichFieldButNotTheValues() {
        User rep = TestData.user(users, Role.SALES, Department.SALES);
        User manager = TestData.user(users, Role.MANAGER, Department.SALES);
        Company company = clients.createCompany(TestData.company(TestData.unique("Forget"), rep.id()), actor(rep));
        transactions.executeWithoutResult(status ->
                jdbc.sql("update company set city = 'Brest' where id = :id").param("id", company.id()).update());

        history.forgetValues(RecordKind.COMPANY, company.id());

        Change change = history.of(RecordKind.COMPANY, company.id(), null, actor(manager)).rows().getFirst();
        assertThat(change.fields()).containsExactly(new Change.FieldChange("city", null, null));
        assertThat(change.fields().getFirst().hidden()).isTrue();
    }

    @Test
    void pagesFollowOneAnotherWithoutGapOrRepeat() {
        User rep = TestData.user(users, Role.SALES, Department.SALES);
        User manager = TestData.user(users, Role.MANAGER, Department.SALES);
        Company company = clients.createCompany(TestData.company(TestData.unique("Pages"), rep.id()), actor(rep));
        int edits = ChangeHistory.PAGE_SIZE + 5;
        for (int i = 0; i < edits; i++) {
            int n = i;
            transactions.executeWithoutResult(status -> jdbc.sql("update company set city = :city where id = :id")
                    .param("city", "Ville " + n).param("id", company.id()).update());
        }
        Slice<Change, ChangeCursor> first = history.of(RecordKind.COMPANY, company.id(), null, actor(manager));
        Slice<Change, ChangeCursor> second = history.of(RecordKind.COMPANY, company.id(), first.next(), actor(manager));

        assertThat(first.rows()).hasSize(ChangeHistory.PAGE_SIZE);
        assertThat(second.rows()).hasSize(edits + 1 - ChangeHistory.PAGE_SIZE);
        assertThat(second.hasNext()).isFalse();
        assertThat(first.rows().getFirst().fields().getFirst().newValue()).isEqualTo("Ville " + (edits - 1));
        assertThat(second.rows().getLast().operation()).isEqualTo(Change.Operation.INSERT);
    }

    private static Actor actor(User user) {
        return new Actor(user.id(), user.role(), user.department());
    }
}
