package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.relationcrm.WebTestSupport;
import org.relationcrm.catalog.ProductLineAdmin;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Contact;
import org.relationcrm.feedback.Complaint;
import org.relationcrm.feedback.ComplaintCategory;
import org.relationcrm.feedback.ComplaintService;
import org.relationcrm.feedback.NewComplaint;
import org.relationcrm.feedback.SentSurvey;
import org.relationcrm.feedback.Severity;
import org.relationcrm.feedback.SurveyKind;
import org.relationcrm.feedback.SurveyService;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.pipeline.ConcessionType;
import org.relationcrm.pipeline.Counterpart;
import org.relationcrm.pipeline.MeetingPlan;
import org.relationcrm.pipeline.MeetingService;
import org.relationcrm.pipeline.NextStepPlan;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityDetails;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.OpportunitySource;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.pipeline.ValueKind;
import org.relationcrm.request.NewRequest;
import org.relationcrm.request.RequestKind;
import org.relationcrm.request.RequestService;
import org.relationcrm.request.RequestSubject;
import org.relationcrm.request.ServiceLevels;
import org.relationcrm.playbook.Language;
import org.relationcrm.playbook.PlaybookReadService;
import org.relationcrm.playbook.PlaybookService;
import org.relationcrm.playbook.Situation;
import org.relationcrm.shared.Channel;
import org.relationcrm.order.OrderDetails;
import org.relationcrm.order.OrderService;
import org.relationcrm.order.PaymentTerms;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.PlaybookTestData;
import org.relationcrm.testing.TestData;

/**
 * Every form of the application, posted with malformed values in each of its fields, through the real security
 * chain as a user allowed to post it: no answer is ever a 5xx, and a form that comes back says what is wrong.
 *
 * <p>The table {@link #forms()} has one row per POST route. The routes are discovered from Spring MVC's handler
 * mapping: a new POST route without a row here fails {@link #everyPostRouteHasARow()}, so it cannot be forgotten.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedFormInputTests {

    /** The app's clock (relation.time-zone): "today" is the app's day, whatever the JVM's zone. */
    @Autowired
    java.time.Clock clock;

    @Autowired MockMvc mvc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired InteractionService interactions;
    @Autowired OpportunityService opportunities;
    @Autowired MeetingService meetings;
    @Autowired ComplaintService complaints;
    @Autowired SurveyService surveys;
    @Autowired ProductLineAdmin productLines;
    @Autowired OrderService orders;
    @Autowired RequestService requests;
    @Autowired ServiceLevels serviceLevels;
    @Autowired PlaybookService playbookService;
    @Autowired PlaybookReadService playbookReads;
    @Autowired org.relationcrm.coaching.CoachingService coaching;
    @Autowired org.relationcrm.segment.SegmentService segments;

    WebTestSupport support;
    Fixture fixture;
    /** A review of the SALES user's second exchange, which they answer. */
    long review;
    /** A KPI review action, marked done. */
    long insightAction;
    @Autowired org.relationcrm.insight.InsightService insight;
    @Autowired org.relationcrm.mailbox.MailboxService mailbox;
    /** An email of the dropbox that no address matched, waiting in the queue (the first valid post files it). */
    long unmatchedEmail;
    @Autowired org.relationcrm.dataimport.ImportService imports;
    /** Two imports of the ADV user, not started: one mapped again and again, one run by its first valid post. */
    long importJob;
    long importRunJob;

    /** What a field holds, hence which malformed values it gets. */
    enum Kind { TEXT, ID, INT, DECIMAL, ENUM, BOOL, DATE, DATE_TIME, IDS, ROWS }

    /**
     * A malformed value; {@code wrong} when no form may accept it (it must come back with a message);
     * {@code appended} when it is added to the field's valid value instead of replacing it.
     */
    record Bad(String value, boolean wrong, boolean appended) {
        Bad(String value, boolean wrong) {
            this(value, wrong, false);
        }
    }

    static final Map<Kind, List<Bad>> BAD_VALUES = Map.of(
            Kind.TEXT, List.of(new Bad("", false), new Bad("a\u0000b", false), new Bad("x".repeat(10_000), false),
                    new Bad("\u0000", false)),
            Kind.ID, List.of(new Bad("abc", true), new Bad("99999999999999999999", true), new Bad("", false),
                    new Bad("-1", false), new Bad("\u0000", false, true), new Bad("9".repeat(10_000), true)),
            Kind.INT, List.of(new Bad("abc", true), new Bad("99999999999", true), new Bad("1.5", true),
                    new Bad("NaN", true), new Bad("", false), new Bad("-2147483649", true)),
            Kind.DECIMAL, List.of(new Bad("abc", true), new Bad("NaN", true), new Bad("Infinity", true),
                    new Bad("-Infinity", true), new Bad("1e999999999", true), new Bad("99999999999999999999", true),
                    new Bad("", false), new Bad("\u0000", false, true)),
            Kind.ENUM, List.of(new Bad("BOGUS", true), new Bad("", false), new Bad("\u0000", false)),
            Kind.BOOL, List.of(new Bad("maybe", true), new Bad("", false), new Bad("2", true)),
            Kind.DATE, List.of(new Bad("2026-13-45", true), new Bad("abc", true), new Bad("-4714-01-01", true),
                    new Bad("0001-01-01", true), new Bad("9999-12-31", true), new Bad("+999999999-12-31", true),
                    new Bad("", false)),
            Kind.DATE_TIME, List.of(new Bad("abc", true), new Bad("-4714-01-01T10:00", true),
                    new Bad("0001-01-01T10:00", true), new Bad("9999-12-31T10:00", true),
                    new Bad("2026-02-30T25:00", true), new Bad("", false)),
            Kind.IDS, List.of(new Bad("abc", true), new Bad("99999999999999999999", true), new Bad("-1", false)),
            Kind.ROWS, List.of());

    /** Parameter names that address list rows beyond any form's size, or not by a number. */
    static final List<String> BAD_ROWS = List.of("[300].label", "[99999999999].label", "[abc].label", "[-1].label");

    /** One POST route: who posts it, where, and its fields with a valid value each (the others' baseline). */
    record Form(String pattern, Role role, Function<Fixture, String> path, boolean showsForm,
                Map<String, Field> fields) {
    }

    /** {@code messageChecked}: a refused value must come back with a message (else: no 5xx is all we ask). */
    record Field(Kind kind, Function<Fixture, String> valid, boolean messageChecked) {
        Field(Kind kind, Function<Fixture, String> valid) {
            this(kind, valid, true);
        }
    }

    /**
     * The version of the record a step was acted on, for steps that may or may not ask for it: sent with the
     * others, malformed too, checked only for "no 5xx".
     */
    static Field versionOf(Function<Fixture, Long> version) {
        return new Field(Kind.ID, fx -> String.valueOf(version.apply(fx)), false);
    }

    static Field text(String valid) {
        return new Field(Kind.TEXT, f -> valid);
    }

    static Field kind(Kind kind, String valid) {
        return new Field(kind, f -> valid);
    }

    static Field kind(Kind kind, Function<Fixture, String> valid) {
        return new Field(kind, valid);
    }

    @SafeVarargs
    static Map<String, Field> fields(Map.Entry<String, Field>... entries) {
        Map<String, Field> all = new LinkedHashMap<>();
        for (Map.Entry<String, Field> e : entries) {
            all.put(e.getKey(), e.getValue());
        }
        return all;
    }

    static Map.Entry<String, Field> f(String name, Field field) {
        return Map.entry(name, field);
    }

    static final Field COMPLAINT_VERSION = versionOf(fx -> fx.test.complaints.get(fx.complaint).version());
    static final Field DEAL_VERSION = versionOf(fx -> fx.opportunities().load(fx.deal.id()).version());
    static Field requestVersion(java.util.function.ToLongFunction<Fixture> request) {
        return versionOf(fx -> fx.test.requests.get(request.applyAsLong(fx)).version());
    }

    // The static form tables below cannot reach the app's Clock: their dates keep two days from today's edge, so
    // they are valid whatever the JVM's zone is against relation.time-zone.
    static final Field ORDER_VERSION = versionOf(fx -> fx.test.orders.get(fx.order).version());

    static Map<String, Field> orderFields(boolean withVersion) {
        Map<String, Field> fields = fields(f("contactId", kind(Kind.ID, fx -> String.valueOf(fx.contact.id()))),
                f("opportunityId", kind(Kind.ID, "")),
                f("orderedOn", kind(Kind.DATE, LocalDate.now().minusDays(2).toString())),
                f("promisedOn", kind(Kind.DATE, TODAY_PLUS_WEEK)),
                f("paymentTerms", kind(Kind.ENUM, "NET_30")),
                f("lines", kind(Kind.ROWS, "")),
                f("lines[0].productLineId", kind(Kind.ID, fx -> String.valueOf(fx.productLine))),
                f("lines[0].quantity", kind(Kind.INT, "3")),
                f("lines[0].unitPrice", kind(Kind.DECIMAL, "120.50")),
                f("lines[0].discountPercent", kind(Kind.DECIMAL, "5")),
                f("currency", text("EUR")));
        if (withVersion) {
            fields.put("version", ORDER_VERSION);
        }
        return fields;
    }

    /** A follow-up of "My day" as its forms name it: kind, id and the version the user saw. */
    static final Field MY_DAY_ITEM = new Field(Kind.TEXT,
            fx -> "I" + fx.interaction + "." + fx.test.interactions.get(fx.interaction).version());

    static final String TODAY_PLUS_WEEK = LocalDate.now().plusDays(7).toString();

    static Map<String, Field> companyFields(boolean withVersion) {
        Map<String, Field> fields = fields(f("name", text("Acme")), f("legalId", text("")), f("sector", text("BTP")),
                f("size", kind(Kind.ENUM, "SMALL")), f("street", text("1 rue")), f("postalCode", text("49000")),
                f("city", text("Angers")), f("country", text("France")), f("website", text("")),
                f("phone", text("")), f("status", kind(Kind.ENUM, "PROSPECT")),
                f("ownerId", kind(Kind.ID, fx -> String.valueOf(fx.sales.id()))), f("notes", text("")),
                // saved as "create anyway": each valid post would otherwise be warned about the one before
                f("anyway", kind(Kind.BOOL, "true")));
        if (withVersion) {
            fields.put("version", kind(Kind.ID, fx -> String.valueOf(fx.clients().company(fx.company.id()).version())));
        }
        return fields;
    }

    static Map<String, Field> contactFields(boolean withVersion) {
        Map<String, Field> fields = fields(f("civility", kind(Kind.ENUM, "MRS")), f("firstName", text("Anne")),
                f("lastName", text("Martin")), f("preferredName", text("")), f("jobTitle", text("")),
                f("email", text("anne@example.com")), f("phone", text("")), f("mobile", text("")),
                f("city", text("")), f("preferredChannel", kind(Kind.ENUM, "EMAIL")), f("language", text("fr")),
                f("importantDates", kind(Kind.ROWS, "")),
                f("importantDates[0].label", text("Anniversaire")),
                f("importantDates[0].date", kind(Kind.DATE, "1980-05-17")),
                f("personalNotes", text("")), f("preferences", text("")),
                f("consentEmail", kind(Kind.BOOL, "true")), f("consentPhone", kind(Kind.BOOL, "false")),
                f("consentSms", kind(Kind.BOOL, "false")), f("consentLetter", kind(Kind.BOOL, "true")),
                // saved as "create anyway": each valid post would otherwise be warned about the one before
                f("anyway", kind(Kind.BOOL, "true")));
        if (withVersion) {
            fields.put("version", kind(Kind.ID, fx -> String.valueOf(fx.clients().contact(fx.contact.id()).version())));
        }
        return fields;
    }

    static Map<String, Field> interactionFields() {
        return fields(f("channel", kind(Kind.ENUM, "PHONE")), f("direction", kind(Kind.ENUM, "OUTBOUND")),
                f("occurredAt", kind(Kind.DATE_TIME, LocalDate.now().minusDays(2) + "T10:00")),
                f("contactIds", kind(Kind.IDS, fx -> String.valueOf(fx.contact.id()))),
                f("subject", text("Appel")), f("summary", text("")), f("outcome", text("")),
                f("sentiment", kind(Kind.ENUM, "NEUTRAL")), f("nextStepAction", text("Rappeler")),
                f("nextStepDue", kind(Kind.DATE, TODAY_PLUS_WEEK)));
    }

    static Map<String, Field> opportunityFields(boolean withVersion) {
        Map<String, Field> fields = fields(f("title", text("Équipement")), f("amount", kind(Kind.DECIMAL, "12500.50")),
                f("currency", text("EUR")), f("probability", kind(Kind.INT, "40")),
                f("expectedCloseOn", kind(Kind.DATE, LocalDate.now().plusMonths(2).toString())),
                f("ownerId", kind(Kind.ID, fx -> String.valueOf(fx.sales.id()))),
                f("source", kind(Kind.ENUM, "REFERRAL")),
                f("contactIds", kind(Kind.IDS, fx -> String.valueOf(fx.contact.id()))),
                f("productLineIds", kind(Kind.IDS, fx -> String.valueOf(fx.productLine))),
                f("stage", kind(Kind.ENUM, "PROSPECTING")), f("nextStepAction", text("Rappeler")),
                f("nextStepDue", kind(Kind.DATE, TODAY_PLUS_WEEK)));
        if (withVersion) {
            fields.put("version", kind(Kind.ID, fx -> String.valueOf(fx.opportunities().load(fx.deal.id()).version())));
        }
        return fields;
    }

    /**
     * Every POST route of the application. A new form: add a row. Within a row, fields whose malformed values must
     * be refused come before free texts, whose values may be accepted and change the record (a resolved complaint
     * no longer shows its form).
     */
    List<Form> forms() {
        var level = serviceLevels.all().getFirst();
        return List.of(
                new Form("/clients", Role.SALES, fx -> "/clients", true, companyFields(false)),
                new Form("/clients/{id}", Role.SALES, fx -> "/clients/" + fx.company.id(), true, companyFields(true)),
                new Form("/clients/{companyId}/contacts", Role.SALES, fx -> "/clients/" + fx.company.id() + "/contacts",
                        true, contactFields(false)),
                new Form("/contacts", Role.SALES, fx -> "/contacts", true, contactFields(false)),
                new Form("/contacts/{id}", Role.SALES, fx -> "/contacts/" + fx.contact.id(), true, contactFields(true)),
                new Form("/contacts/{id}/primary", Role.SALES, fx -> "/contacts/" + fx.contact.id() + "/primary", false,
                        fields(f("version", versionOf(fx -> fx.clients().contact(fx.contact.id()).version())))),
                new Form("/clients/{companyId}/interactions", Role.SALES,
                        fx -> "/clients/" + fx.company.id() + "/interactions", true, interactionFields()),
                new Form("/contacts/{contactId}/interactions", Role.SALES,
                        fx -> "/contacts/" + fx.contact.id() + "/interactions", true, interactionFields()),
                new Form("/interactions/{id}/next-step/done", Role.SALES,
                        fx -> "/interactions/" + fx.interaction + "/next-step/done", false,
                        fields(f("version", versionOf(fx -> fx.test.interactions.get(fx.interaction).version())),
                                f("back", text("/clients/1")))),
                new Form("/my-day/done", Role.SALES, fx -> "/my-day/done", false,
                        fields(f("of", kind(Kind.ID, fx -> String.valueOf(fx.sales.id()))), f("item", MY_DAY_ITEM),
                                f("only", text("")))),
                new Form("/my-day/reschedule", Role.SALES, fx -> "/my-day/reschedule", false,
                        fields(f("when", kind(Kind.ENUM, "DATE")), f("on", kind(Kind.DATE, TODAY_PLUS_WEEK)),
                                f("of", kind(Kind.ID, fx -> String.valueOf(fx.sales.id()))), f("item", MY_DAY_ITEM),
                                f("only", text("")))),
                new Form("/my-day/reassign", Role.MANAGER, fx -> "/my-day/reassign", false,
                        fields(f("to", kind(Kind.ID, fx -> String.valueOf(fx.support.id()))),
                                f("of", kind(Kind.ID, fx -> String.valueOf(fx.sales.id()))), f("item", MY_DAY_ITEM),
                                f("only", text("")))),
                new Form("/profile/password", Role.SALES, fx -> "/profile/password", true,
                        fields(f("currentPassword", text(WebTestSupport.PASSWORD)),
                                f("newPassword", text("a-brand-new-secret")),
                                f("confirmation", text("a-brand-new-secret")))),
                new Form("/profile/tokens", Role.SALES, fx -> "/profile/tokens", true,
                        fields(f("name", text("Tableur")), f("scope", kind(Kind.ENUM, "READ")))),
                new Form("/profile/tokens/{id}/revoke", Role.SALES, fx -> "/profile/tokens/999999999/revoke", false,
                        fields()),
                new Form("/admin/users", Role.ADMIN, fx -> "/admin/users", true,
                        fields(f("role", kind(Kind.ENUM, "SALES")), f("department", kind(Kind.ENUM, "SALES")),
                                f("username", text("fuzzed.user")), f("fullName", text("Fuzz")),
                                f("email", text("fuzz@example.com")), f("password", text("a-long-password")))),
                new Form("/admin/users/{id}", Role.ADMIN, fx -> "/admin/users/" + fx.teammate.id(), true,
                        fields(f("role", kind(Kind.ENUM, "SUPPORT")), f("department", kind(Kind.ENUM, "SUPPORT")),
                                f("enabled", kind(Kind.BOOL, "true")),
                                f("version", kind(Kind.ID, fx -> String.valueOf(fx.users().get(fx.teammate.id()).version()))),
                                f("username", text(TestData.unique("fuzzed"))), f("fullName", text("Fuzz")),
                                f("email", text("support@example.com")))),
                new Form("/admin/users/{id}/password-reset", Role.ADMIN,
                        fx -> "/admin/users/" + fx.teammate.id() + "/password-reset", false,
                        fields(f("version", kind(Kind.ID, fx -> String.valueOf(fx.users().get(fx.teammate.id()).version()))))),
                new Form("/admin/product-lines", Role.ADMIN, fx -> "/admin/product-lines", false,
                        fields(f("code", text("FUZZ")), f("name", text("Fuzz")), f("description", text("")))),
                new Form("/admin/product-lines/{id}", Role.ADMIN, fx -> "/admin/product-lines/" + fx.productLine, false,
                        fields(f("version", versionOf(fx -> fx.test.productLines.all().stream()
                                        .filter(l -> l.id() == fx.productLine).findFirst().orElseThrow().version())),
                                f("name", text("Gamme")), f("description", text("")), f("active", kind(Kind.BOOL, "true")))),
                new Form("/clients/{companyId}/product-lines", Role.ADV,
                        fx -> "/clients/" + fx.company.id() + "/product-lines", false,
                        fields(f("lineId", kind(Kind.ID, fx -> String.valueOf(fx.productLine))))),
                new Form("/clients/{companyId}/product-lines/{lineId}/remove", Role.ADV,
                        fx -> "/clients/" + fx.company.id() + "/product-lines/" + fx.productLine + "/remove", false,
                        fields()),
                new Form("/risk/refresh", Role.MANAGER, fx -> "/risk/refresh", false, fields()),
                new Form("/clients/{companyId}/surveys", Role.SALES, fx -> "/clients/" + fx.company.id() + "/surveys",
                        false, fields(f("contactId", kind(Kind.ID, fx -> String.valueOf(fx.contact.id()))),
                                f("kind", kind(Kind.ENUM, "NPS")), f("via", text("LINK")))),
                new Form("/surveys/{id}/theme", Role.SALES, fx -> "/surveys/" + fx.survey + "/theme", false,
                        fields(f("version", versionOf(fx -> fx.test.surveys.get(fx.survey).version())),
                                f("theme", kind(Kind.ENUM, "PRODUCT")))),
                new Form("/s/{token}", null, fx -> "/s/" + fx.surveyToken, false,
                        fields(f("score", kind(Kind.INT, "9")), f("comment", text("Très bien")))),
                new Form("/clients/{companyId}/complaints", Role.SUPPORT,
                        fx -> "/clients/" + fx.company.id() + "/complaints", true,
                        fields(f("contactId", kind(Kind.ID, fx -> String.valueOf(fx.contact.id()))),
                                f("channel", kind(Kind.ENUM, "PHONE")), f("category", kind(Kind.ENUM, "PRODUCT")),
                                f("severity", kind(Kind.ENUM, "MEDIUM")), f("subject", text("Panne")),
                                f("description", text("Panne")),
                                f("ownerId", kind(Kind.ID, fx -> String.valueOf(fx.support.id()))))),
                new Form("/complaints/{id}/start", Role.SUPPORT, fx -> "/complaints/" + fx.complaint + "/start", false,
                        fields(f("version", COMPLAINT_VERSION))),
                new Form("/complaints/{id}/respond", Role.SUPPORT, fx -> "/complaints/" + fx.complaint + "/respond",
                        true, fields(f("channel", kind(Kind.ENUM, "PHONE")), f("version", COMPLAINT_VERSION),
                                f("summary", text("Rappelé, remplacement demain")))),
                new Form("/complaints/{id}/escalate", Role.SUPPORT, fx -> "/complaints/" + fx.complaint + "/escalate",
                        true, fields(f("level", kind(Kind.INT, "1")), f("version", COMPLAINT_VERSION),
                                f("reason", text("Client mécontent")),
                                f("ownerId", kind(Kind.ID, fx -> String.valueOf(fx.support.id()))))),
                new Form("/complaints/{id}/resolve", Role.SUPPORT, fx -> "/complaints/" + fx.complaint + "/resolve",
                        true, fields(f("rootCause", kind(Kind.ENUM, "PRODUCT_DEFECT")), f("version", COMPLAINT_VERSION),
                                f("resolution", text("Pièce remplacée")), f("rootCauseDetail", text("")))),
                new Form("/complaints/{id}/close", Role.SUPPORT, fx -> "/complaints/" + fx.complaint + "/close", false,
                        fields(f("version", COMPLAINT_VERSION))),
                new Form("/complaints/{id}/reopen", Role.SUPPORT, fx -> "/complaints/" + fx.complaint + "/reopen", false,
                        fields(f("version", COMPLAINT_VERSION))),
                new Form("/clients/{companyId}/requests", Role.SUPPORT,
                        fx -> "/clients/" + fx.company.id() + "/requests", true,
                        fields(f("toDepartment", kind(Kind.ENUM, "ADV")), f("kind", kind(Kind.ENUM, "CREDIT_NOTE")),
                                f("toUserId", kind(Kind.ID, fx -> String.valueOf(fx.adv.id()))),
                                f("neededBy", kind(Kind.DATE_TIME, LocalDate.now(clock).plusDays(3) + "T10:00")),
                                // carried in hidden fields from the page the form was asked from: no message to show
                                f("subject", new Field(Kind.ENUM, fx -> "COMPLAINT", false)),
                                f("subjectId", new Field(Kind.ID, fx -> String.valueOf(fx.complaint), false)),
                                f("needed", text("Un avoir de 120 €")))),
                new Form("/requests/{id}/accept", Role.ADV, fx -> "/requests/" + fx.request + "/accept", false,
                        fields(f("version", requestVersion(fx -> fx.request)))),
                new Form("/requests/{id}/ask", Role.ADV, fx -> "/requests/" + fx.request + "/ask", true,
                        fields(f("version", requestVersion(fx -> fx.request)), f("question", text("Quelle facture ?")))),
                new Form("/requests/{id}/done", Role.ADV, fx -> "/requests/" + fx.request + "/done", true,
                        fields(f("version", requestVersion(fx -> fx.request)), f("answer", text("Avoir émis")))),
                new Form("/requests/{id}/decline", Role.ADV, fx -> "/requests/" + fx.request + "/decline", true,
                        fields(f("version", requestVersion(fx -> fx.request)), f("reason", text("Hors délai")))),
                new Form("/requests/{id}/reply", Role.SUPPORT, fx -> "/requests/" + fx.questionedRequest + "/reply", true,
                        fields(f("version", requestVersion(fx -> fx.questionedRequest)), f("reply", text("F-12")))),
                new Form("/requests/{id}/rate", Role.SUPPORT, fx -> "/requests/" + fx.doneRequest + "/rate", true,
                        fields(f("useful", kind(Kind.BOOL, "false")), f("version", requestVersion(fx -> fx.doneRequest)),
                                f("comment", text("Pas le bon montant")))),
                new Form("/admin/service-levels", Role.ADMIN, fx -> "/admin/service-levels", false,
                        fields(f("h" + level.id(), kind(Kind.INT, "16")),
                                f("v" + level.id(), versionOf(fx -> fx.test.serviceLevels.all().getFirst().version())))),
                new Form("/meetings", Role.SALES, fx -> "/meetings", true,
                        fields(f("companyId", kind(Kind.ID, fx -> String.valueOf(fx.company.id()))),
                                f("opportunityId", kind(Kind.ID, fx -> String.valueOf(fx.deal.id()))),
                                f("title", text("Rendez-vous")),
                                f("meetingAt", kind(Kind.DATE_TIME, LocalDate.now(clock).plusDays(1) + "T10:00")),
                                f("contactIds", kind(Kind.IDS, fx -> String.valueOf(fx.contact.id()))),
                                f("objectives", text("")), f("agenda", text("")), f("questions", text("")),
                                f("objections", text("")))),
                new Form("/meetings/{id}/report", Role.SALES, fx -> "/meetings/" + fx.meeting + "/report", true,
                        fields(f("summary", text("Bon échange")), f("outcome", text("")),
                                f("nextStepAction", text("Envoyer le devis")),
                                f("nextStepDue", kind(Kind.DATE, TODAY_PLUS_WEEK)),
                                f("version", versionOf(fx -> fx.test.meetings.get(fx.meeting).version())))),
                new Form("/clients/{companyId}/opportunities", Role.SALES,
                        fx -> "/clients/" + fx.company.id() + "/opportunities", true, opportunityFields(false)),
                new Form("/opportunities/{id}", Role.SALES, fx -> "/opportunities/" + fx.deal.id(), true,
                        opportunityFields(true)),
                new Form("/opportunities/{id}/stage", Role.SALES, fx -> "/opportunities/" + fx.deal.id() + "/stage",
                        true, fields(f("stage", kind(Kind.ENUM, "QUALIFIED")),
                                f("nextStepDue", kind(Kind.DATE, TODAY_PLUS_WEEK)),
                                f("version", kind(Kind.ID, fx -> String.valueOf(fx.opportunities().load(fx.deal.id()).version()))),
                                f("lostReason", kind(Kind.ENUM, "PRICE")), f("nextStepAction", text("Rappeler")),
                                f("lostComment", text("")), f("back", text("/pipeline")))),
                new Form("/opportunities/{id}/move", Role.SALES, fx -> "/opportunities/" + fx.deal.id() + "/move",
                        true, fields(f("stage", kind(Kind.ENUM, "NEGOTIATION")),
                                f("version", kind(Kind.ID, fx -> String.valueOf(fx.opportunities().load(fx.deal.id()).version()))),
                                f("nextStepDue", kind(Kind.DATE, TODAY_PLUS_WEEK)), f("lostReason", kind(Kind.ENUM, "PRICE")),
                                f("asked", kind(Kind.BOOL, "true")), f("team", kind(Kind.ENUM, "SALES")),
                                f("owner", text("all")), f("nextStepAction", text("Rappeler")), f("lostComment", text("")))),
                new Form("/opportunities/{id}/next-step", Role.SALES,
                        fx -> "/opportunities/" + fx.deal.id() + "/next-step", false,
                        fields(f("nextStepAction", text("Rappeler")), f("nextStepDue", kind(Kind.DATE, TODAY_PLUS_WEEK)),
                                f("version", DEAL_VERSION), f("back", text("/")))),
                new Form("/opportunities/{id}/concessions", Role.SALES,
                        fx -> "/opportunities/" + fx.deal.id() + "/concessions", true,
                        fields(f("type", kind(Kind.ENUM, "DELIVERY")), f("valueKind", kind(Kind.ENUM, "AMOUNT")),
                                f("value", kind(Kind.DECIMAL, "100")), f("counterpart", kind(Kind.ENUM, "VOLUME")),
                                f("version", DEAL_VERSION), f("counterpartDetail", text("")))),
                new Form("/opportunities/{id}/concessions/{concessionId}/approve", Role.MANAGER,
                        fx -> "/opportunities/" + fx.deal.id() + "/concessions/" + fx.concession + "/approve", false,
                        fields(f("back", text("/concessions/pending")))),
                new Form("/opportunities/{id}/concessions/{concessionId}/reject", Role.MANAGER,
                        fx -> "/opportunities/" + fx.deal.id() + "/concessions/" + fx.concession + "/reject", false,
                        fields(f("back", text("/concessions/pending")))),
                new Form("/clients/{companyId}/orders", Role.ADV, fx -> "/clients/" + fx.company.id() + "/orders",
                        true, orderFields(false)),
                new Form("/orders/{id}", Role.ADV, fx -> "/orders/" + fx.order, true, orderFields(true)),
                // confirms the order on the first valid post; later ones find it confirmed already (a 409)
                new Form("/orders/{id}/status", Role.ADV, fx -> "/orders/" + fx.order + "/status", false,
                        fields(f("to", kind(Kind.ENUM, "CONFIRMED")), f("on", kind(Kind.DATE, LocalDate.now(clock).toString())),
                                f("version", ORDER_VERSION), f("incident", text("")))),
                // last: it cancels the order
                new Form("/orders/{id}/cancel", Role.ADV, fx -> "/orders/" + fx.order + "/cancel", false,
                        fields(f("reason", kind(Kind.ENUM, "CLIENT_REQUEST")), f("version", ORDER_VERSION),
                                f("note", text("")))),
                new Form("/playbooks", Role.MANAGER, fx -> "/playbooks", true, playbookFields(false)),
                new Form("/playbooks/{id}", Role.MANAGER, fx -> "/playbooks/" + fx.playbook, true,
                        playbookFields(true)),
                new Form("/playbooks/{id}/votes", Role.SALES, fx -> "/playbooks/" + fx.playbook + "/votes", false,
                        fields(f("revision", versionOf(fx -> (long) fx.test.playbookReads.get(fx.playbook,
                                        fx.sales.id()).revision())),
                                f("useful", kind(Kind.BOOL, "true")), f("back", text("/clients/1")))),
                new Form("/coaching/interactions/{id}", Role.MANAGER, fx -> "/coaching/interactions/" + fx.interaction,
                        true, fields(f("listening", kind(Kind.INT, "3")), f("listeningComment", text("")),
                                f("personalisation", kind(Kind.INT, "4")), f("personalisationComment", text("")),
                                f("nextStepClarity", kind(Kind.INT, "2")), f("nextStepClarityComment", text("")),
                                f("emotionHandling", kind(Kind.INT, "3")), f("emotionHandlingComment", text("")),
                                f("defendingInterests", kind(Kind.INT, "1")),
                                f("defendingInterestsComment", text("")), f("overallComment", text("Bien")))),
                new Form("/duplicates/refresh", Role.MANAGER, fx -> "/duplicates/refresh", false, fields()),
                new Form("/duplicates/dismiss", Role.MANAGER, fx -> "/duplicates/dismiss", false,
                        fields(f("first", kind(Kind.ID, fx -> String.valueOf(fx.company.id()))),
                                f("second", kind(Kind.ID, "1")))),
                // the fixture's company with itself, at a version it never had: refused with a message every time,
                // so the fixture is never merged away
                new Form("/duplicates/merge", Role.MANAGER, fx -> "/duplicates/merge", true,
                        fields(f("survivorId", kind(Kind.ID, fx -> String.valueOf(fx.company.id()))),
                                f("loserId", kind(Kind.ID, fx -> String.valueOf(fx.company.id()))),
                                f("survivorVersion", versionOf(fx -> 999L)), f("loserVersion", versionOf(fx -> 999L)),
                                f("fromLoser", kind(Kind.ENUM, "NAME")))),
                new Form("/merges/{id}/undo", Role.MANAGER, fx -> "/merges/987654321/undo", false, fields()),
                new Form("/duplicates/people/dismiss", Role.MANAGER, fx -> "/duplicates/people/dismiss", false,
                        fields(f("first", kind(Kind.ID, fx -> String.valueOf(fx.contact.id()))),
                                f("second", kind(Kind.ID, "1")))),
                // the fixture's person with themself, at a version they never had: refused with a message every time
                new Form("/duplicates/people/merge", Role.MANAGER, fx -> "/duplicates/people/merge", true,
                        fields(f("survivorId", kind(Kind.ID, fx -> String.valueOf(fx.contact.id()))),
                                f("loserId", kind(Kind.ID, fx -> String.valueOf(fx.contact.id()))),
                                f("survivorVersion", versionOf(fx -> 999L)), f("loserVersion", versionOf(fx -> 999L)),
                                f("fromLoser", kind(Kind.ENUM, "EMAIL")))),
                new Form("/person-merges/{id}/undo", Role.MANAGER, fx -> "/person-merges/987654321/undo", false,
                        fields()),
                new Form("/data-quality/snapshot", Role.MANAGER, fx -> "/data-quality/snapshot", false, fields()),
                new Form("/coaching/reviews/{id}/answer", Role.SALES, fx -> "/coaching/reviews/" + fx.test.review
                        + "/answer", true, fields(f("answer", text("Merci")),
                                f("version", versionOf(fx -> fx.test.coaching.reviewRow(fx.test.review,
                                        fx.sales.asActor()).version())))),
                new Form("/segments", Role.SALES, fx -> "/segments", true, segmentFields(false)),
                new Form("/segments/{id}", Role.SALES, fx -> "/segments/" + fx.segment, true, segmentFields(true)),
                new Form("/segments/{id}/calls", Role.SALES, fx -> "/segments/" + fx.segment + "/calls", true,
                        fields(f("template", text("Bonjour {preferredName}")),
                                f("dueOn", kind(Kind.DATE, LocalDate.now(clock).plusDays(1).toString())),
                                f("assigneeId", kind(Kind.ID, fx -> String.valueOf(fx.sales.id()))),
                                f("calls[0].contactId", kind(Kind.ID, fx -> String.valueOf(fx.contact.id()))),
                                f("calls[0].included", kind(Kind.BOOL, "true")),
                                f("calls[0].message", text("Bonjour Anne")))),
                new Form("/segments/{id}/surveys", Role.SALES, fx -> "/segments/" + fx.segment + "/surveys", false,
                        fields(f("kind", kind(Kind.ENUM, "NPS")))),
                // it deletes its segment (one of its own) on the first valid post
                new Form("/segments/{id}/delete", Role.SALES, fx -> "/segments/" + fx.doomedSegment + "/delete",
                        false, fields(f("version", kind(Kind.ID, "0")))),
                // no file: always refused with the reason; the kind is checked first
                new Form("/imports", Role.ADV, fx -> "/imports", true, fields(f("kind", kind(Kind.ENUM, "COMPANIES")))),
                new Form("/imports/{id}/mapping", Role.ADV, fx -> "/imports/" + fx.test.importJob + "/mapping", true,
                        fields(f("mapping[COMPANY_NAME]", kind(Kind.INT, "0")),
                                f("mapping[COMPANY_CITY]", kind(Kind.INT, "1")),
                                f("templateName", text("Modèle")))),
                new Form("/imports/{id}/run", Role.ADV, fx -> "/imports/" + fx.test.importRunJob + "/run", false,
                        fields()),
                new Form("/insight/actions", Role.MANAGER, fx -> "/insight/actions", true,
                        fields(f("month", text(java.time.YearMonth.now(clock).toString())), f("kpi", kind(Kind.ENUM, "NPS")),
                                f("rootCause", text("Retards de livraison")), f("action", text("Appeler les détracteurs")),
                                f("ownerId", kind(Kind.ID, fx -> String.valueOf(fx.manager.id()))),
                                f("dueOn", kind(Kind.DATE, LocalDate.now(clock).plusDays(7).toString())))),
                new Form("/insight/actions/{id}/done", Role.MANAGER, fx -> "/insight/actions/" + fx.test.insightAction
                        + "/done", false, fields(f("version", versionOf(fx -> 0L)), f("month", text("2026-11")))),
                new Form("/insight/summary", Role.MANAGER, fx -> "/insight/summary", false,
                        fields(f("wanted", kind(Kind.BOOL, "false")))),
                // the first valid post files the email on the fixture's client; later ones find it filed (a 302)
                new Form("/mailbox/unmatched/{id}/assign", Role.SALES,
                        fx -> "/mailbox/unmatched/" + fx.test.unmatchedEmail + "/assign", true,
                        fields(f("companyId", kind(Kind.ID, fx -> String.valueOf(fx.company.id()))),
                                f("contactId", kind(Kind.ID, fx -> String.valueOf(fx.contact.id()))),
                                f("version", versionOf(fx -> fx.test.mailbox.get(fx.test.unmatchedEmail).version())))),
                new Form("/mailbox/unmatched/{id}/discard", Role.SALES,
                        fx -> "/mailbox/unmatched/" + fx.test.unmatchedEmail + "/discard", false,
                        fields(f("version", versionOf(fx -> 999L)))),
                new Form("/insight/costs", Role.ADMIN, fx -> "/insight/costs", true,
                        fields(f("month", text("2019-01")), f("channel", kind(Kind.ENUM, "EMAIL")),
                                f("campaign", text("Salon")), f("amount", kind(Kind.DECIMAL, "1500")))),
                // last: the person may end up anonymised (once their complaint and order are closed by the rows above)
                new Form("/contacts/{id}/privacy/anonymise", Role.MANAGER,
                        fx -> "/contacts/" + fx.contact.id() + "/privacy/anonymise", false,
                        fields(f("version", versionOf(fx -> fx.clients().contact(fx.contact.id()).version())),
                                f("confirm", kind(Kind.BOOL, "true")))));
    }

    /** The segment editor: every criterion set (the segment of the SALES user's clients). */
    static Map<String, Field> segmentFields(boolean withVersion) {
        Map<String, Field> fields = fields(f("name", text("Clients de Lyon")), f("shared", kind(Kind.BOOL, "true")),
                f("status", kind(Kind.ENUM, "CUSTOMER")), f("sector", text("Industrie")),
                f("size", kind(Kind.ENUM, "SMALL")), f("city", text("Lyon")), f("postalPrefix", text("69")),
                f("ownerId", kind(Kind.ID, fx -> String.valueOf(fx.sales.id()))),
                f("productLineId", kind(Kind.ID, fx -> String.valueOf(fx.productLine))),
                f("held", kind(Kind.ENUM, "NOT_HELD")), f("silentDays", kind(Kind.INT, "60")),
                f("activeDays", kind(Kind.INT, "30")), f("nps", kind(Kind.ENUM, "PROMOTER")),
                f("openComplaints", kind(Kind.BOOL, "false")), f("churn", kind(Kind.ENUM, "LOW")),
                f("orderedAtLeast", kind(Kind.DECIMAL, "1000")), f("orderedWithinDays", kind(Kind.INT, "365")),
                f("consent", kind(Kind.ENUM, "PHONE")), f("language", text("fr")),
                f("importantDateWithinDays", kind(Kind.INT, "30")), f("completenessBelow", kind(Kind.INT, "80")));
        if (withVersion) {
            fields.put("version", versionOf(fx -> fx.test.segments.get(fx.segment, fx.sales.asActor()).version()));
        }
        return fields;
    }

    /**
     * A guide's form (its situation is chosen when it is written, not when edited). The situation's guide exists
     * (the fixture wrote it), so a new one for it is refused with a message: the form comes back every time.
     */
    static Map<String, Field> playbookFields(boolean withVersion) {
        Map<String, Field> fields = withVersion
                ? fields(f("version", versionOf(fx -> fx.test.playbookReads.get(fx.playbook, fx.manager.id()).version())))
                : fields(f("situation", kind(Kind.ENUM, "ANGRY_CLIENT")));
        for (String lang : new String[]{"fr", "en"}) {
            fields.put(lang + "Title", text("Client mécontent"));
            fields.put(lang + "WhenToUse", text("Quand le client est en colère"));
            fields.put(lang + "Steps", text("Écouter\nReformuler"));
            fields.put(lang + "PhrasesToUse", text("Je comprends"));
            fields.put(lang + "PhrasesToAvoid", text("Calmez-vous"));
            fields.put(lang + "Criteria", text(""));
        }
        return fields;
    }

    /** The records the forms work on, created once; users of each role. */
    /** {@code teammate}: the user the administrator's forms change (renamed, reset), never one that posts. */
    record Fixture(MalformedFormInputTests test, User sales, User manager, User support, User adv, User admin,
                   User teammate,
                   Company company, Contact contact, Opportunity deal, long interaction, long meeting, long complaint,
                   long survey, String surveyToken, long productLine, long concession, long order, long request,
                   long questionedRequest, long doneRequest, long playbook, long segment, long doomedSegment) {

        ClientService clients() {
            return test.clients;
        }

        OpportunityService opportunities() {
            return test.opportunities;
        }

        UserService users() {
            return test.users;
        }

        User as(Role role) {
            return switch (role) {
                case SALES -> sales;
                case MANAGER -> manager;
                case SUPPORT -> support;
                case ADV -> adv;
                case ADMIN -> admin;
            };
        }
    }

    @BeforeAll
    void createRecords() {
        support = new WebTestSupport(users, userDetails, clients);
        User sales = support.newUser(Role.SALES);
        User manager = support.newUser(Role.MANAGER);
        User agent = support.newUser(Role.SUPPORT);
        User adv = support.newUser(Role.ADV);
        User admin = support.newUser(Role.ADMIN);
        User teammate = support.newUser(Role.SUPPORT);
        Company company = support.companyOwnedBy(sales);
        Contact contact = clients.addContact(company.id(), TestData.person("Anne", "Martin", "anne@example.com"));
        long line = productLines.create(TestData.unique("L").substring(0, 8).toUpperCase(), "Gamme", null,
                admin.asActor()).id();
        Opportunity deal = opportunities.open(company.id(), Stage.PROSPECTING,
                new OpportunityDetails("Équipement", new BigDecimal("20000"), "EUR", null,
                        LocalDate.now(clock).plusMonths(2), sales.id(), OpportunitySource.REFERRAL, Set.of(contact.id()),
                        Set.of()),
                new NextStepPlan("Appeler", LocalDate.now(clock).plusDays(3)), sales.asActor());
        long interaction = interactions.log(new LogInteraction(company.id(), Set.of(contact.id()), Channel.PHONE,
                Direction.OUTBOUND, Instant.now().minusSeconds(3600), "Appel", null, null, null, "Rappeler",
                LocalDate.now(clock).plusDays(2)), sales.asActor()).id();
        long meeting = meetings.prepare(company.id(), deal.id(), new MeetingPlan("Rendez-vous",
                Instant.now().plusSeconds(86_400), Set.of(contact.id()), null, null, null, null), sales.asActor()).id();
        Complaint complaint = complaints.open(new NewComplaint(company.id(), contact.id(), Channel.PHONE,
                ComplaintCategory.PRODUCT, Severity.MEDIUM, "Panne", "Panne"), agent.id(), agent.asActor());
        SentSurvey survey = surveys.send(SurveyKind.NPS, contact.id(), false, sales.asActor());
        long concession = opportunities.grantConcession(deal.id(), deal.version(), ConcessionType.DISCOUNT, ValueKind.PERCENT,
                new BigDecimal("15"), Counterpart.NONE, null, sales.asActor()).id();
        long order = orders.place(company.id(), new OrderDetails(contact.id(), null, LocalDate.now(clock), "EUR",
                PaymentTerms.NET_30, LocalDate.now(clock).plusDays(10), List.of(new OrderDetails.Line(line, 2,
                        new BigDecimal("100"), null))), adv.asActor()).id();
        NewRequest creditNote = new NewRequest(company.id(), RequestSubject.COMPLAINT, complaint.id(), Department.ADV,
                null, RequestKind.CREDIT_NOTE, "Avoir", null);
        long request = requests.send(creditNote, agent.asActor()).id();
        long questioned = requests.send(creditNote, agent.asActor()).id();
        requests.askForInformation(questioned, 0, "Quelle facture ?", adv.asActor());
        long done = requests.send(creditNote, agent.asActor()).id();
        requests.complete(done, 0, "Avoir émis", adv.asActor());
        long playbook = PlaybookTestData.ensure(playbookService, playbookReads, Situation.ANGRY_CLIENT,
                Map.of(Language.FR, PlaybookTestData.french("Client mécontent")), manager.asActor()).id();
        long reviewed = interactions.log(new LogInteraction(company.id(), Set.of(contact.id()), Channel.PHONE,
                Direction.OUTBOUND, Instant.now().minusSeconds(7200), "Appel revu", null, null, null, null, null),
                sales.asActor()).id();
        var scores = new java.util.EnumMap<org.relationcrm.coaching.Criterion, org.relationcrm.coaching.Score>(
                org.relationcrm.coaching.Criterion.class);
        for (var criterion : org.relationcrm.coaching.Criterion.values()) {
            scores.put(criterion, org.relationcrm.coaching.Score.of(2, null, "score"));
        }
        review = coaching.review(reviewed, scores, null, manager.asActor()).id();
        String messageId = "<" + TestData.unique("malformed") + "@nowhere.test>";
        mailbox.receive(new org.relationcrm.mailbox.IncomingEmail(messageId,
                org.relationcrm.mailbox.EmailAddress.of("someone@nowhere.test"), List.of(), List.of(), "Bonjour",
                "Texte", Instant.now().minusSeconds(60), List.of()));
        unmatchedEmail = mailbox.unmatched(null).rows().stream().filter(e -> e.messageId().equals(messageId))
                .findFirst().orElseThrow().id();
        var mine = new org.relationcrm.segment.SegmentCriteria(null, null, null, null, null, sales.id(), null, null,
                null, null, null, null, null, null, null, null, null, null, null);
        insightAction = insight.decide(java.time.YearMonth.now(clock), org.relationcrm.insight.Kpi.NPS, null, "Cause",
                "Action", manager.id(), LocalDate.now(clock).plusDays(7), manager.asActor()).id();
        importJob = upload(adv);
        importRunJob = upload(adv);
        fixture = new Fixture(this, sales, manager, agent, adv, admin, teammate, company, contact, deal, interaction, meeting,
                complaint.id(), survey.survey().id(), survey.survey().token(), line, concession, order, request, questioned,
                done, playbook, segments.create("Mes clients", true, mine, sales.asActor()).id(),
                segments.create("À supprimer", false, mine, sales.asActor()).id());
    }

    private long upload(User adv) {
        return imports.upload(org.relationcrm.dataimport.ImportKind.COMPANIES, "clients.csv",
                new java.io.ByteArrayInputStream("Nom;Ville\nA;Lyon\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                adv.asActor()).id();
    }

    @Test
    void everyPostRouteHasARow() {
        Set<String> routes = handlerMapping.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMethodsCondition().getMethods().contains(RequestMethod.POST))
                .flatMap(info -> info.getPatternValues().stream())
                // the REST API takes JSON, not forms: ApiTests.badInputIsA4xxProblemNeverA500 sends it malformed JSON
                .filter(pattern -> !pattern.startsWith("/api/"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> rows = forms().stream().map(Form::pattern).collect(Collectors.toCollection(TreeSet::new));
        assertThat(rows).as("a row in forms() for each POST route").isEqualTo(routes);
    }

    @Test
    void noMalformedValueInAnyFieldOfAnyFormGivesAServerError() throws Exception {
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Form form : forms()) {
            for (Map.Entry<String, Field> field : form.fields().entrySet()) {
                List<Map.Entry<String, Bad>> attempts = new ArrayList<>();
                if (field.getValue().kind() == Kind.ROWS) {
                    BAD_ROWS.forEach(row -> attempts.add(Map.entry(field.getKey() + row, new Bad("x", true))));
                } else {
                    BAD_VALUES.get(field.getValue().kind()).forEach(bad -> attempts.add(Map.entry(field.getKey(), bad)));
                }
                for (Map.Entry<String, Bad> attempt : attempts) {
                    requests++;
                    String problem;
                    try {
                        Bad bad = attempt.getValue();
                        String value = bad.appended() ? field.getValue().valid().apply(fixture) + bad.value() : bad.value();
                        problem = problem(form, bad, field.getValue().messageChecked(), send(form, attempt.getKey(), value));
                    } catch (Exception e) { // MockMvc rethrows what no handler took: the server's 500
                        problem = "500: " + rootCause(e);
                    }
                    if (problem != null) {
                        failures.add(form.pattern() + " " + attempt.getKey() + "=" + shown(attempt.getValue().value())
                                + ": " + problem);
                    }
                }
            }
            // Nothing but a stray NUL-laden parameter: routes without fields are posted too.
            requests++;
            String problem;
            try {
                problem = problem(form, new Bad("\u0000", false), false, send(form, "stray\u0000", "\u0000"));
            } catch (Exception e) {
                problem = "500: " + rootCause(e);
            }
            if (problem != null) {
                failures.add(form.pattern() + " stray parameter: " + problem);
            }
        }
        assertThat(requests).isGreaterThan(500);
        assertThat(failures).as("answers to malformed input").isEmpty();
    }

    private MockHttpServletResponse send(Form form, String name, String value) throws Exception {
        MockHttpServletRequestBuilder request = post(form.path().apply(fixture)).with(csrf());
        if (form.role() != null) {
            request.with(support.as(fixture.as(form.role())));
        }
        for (Map.Entry<String, Field> field : form.fields().entrySet()) {
            if (field.getValue().kind() == Kind.ROWS || field.getKey().equals(name)) {
                continue;
            }
            request.param(field.getKey(), field.getValue().valid().apply(fixture));
        }
        request.param(name, value);
        return mvc.perform(request).andReturn().getResponse();
    }

    /** What is wrong with this answer, or null. */
    private static String problem(Form form, Bad bad, boolean messageChecked, MockHttpServletResponse response) throws Exception {
        int status = response.getStatus();
        if (status >= 500) {
            return "status " + status;
        }
        String page = response.getContentAsString();
        if (page.contains("Exception") || page.contains("at org.")) {
            return "a stack trace or exception name in the page";
        }
        if (form.showsForm() && bad.wrong() && messageChecked) {
            if (status == 200 && !page.contains("is-invalid") && !page.contains("alert-danger")
                    && !page.contains("text-danger")) {
                return "the form came back without a message";
            }
            if (status >= 300 && status < 400) {
                return "accepted (redirect to " + response.getRedirectedUrl() + ")";
            }
        }
        return null;
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        return cause.getClass().getSimpleName() + " " + message.substring(0, Math.min(120, message.length()));
    }

    private static String shown(String value) {
        String visible = value.replace("\u0000", "\\0");
        return visible.length() > 30 ? visible.substring(0, 30) + "…(" + value.length() + ")" : visible;
    }
}
