package org.relationcrm.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.relationcrm.WebTestSupport;
import org.relationcrm.api.ApiScope;
import org.relationcrm.api.ApiTokenService;
import org.relationcrm.catalog.ProductLineAdmin;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.order.OrderDetails;
import org.relationcrm.order.OrderService;
import org.relationcrm.order.PaymentTerms;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * The REST API through the real filter chains (MockMvc): personal tokens from the profile page, keyset pages,
 * If-Match updates, the pages' permission rules, problem details for every refusal, the rate limit.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiTests {

    private static final Pattern SECRET = Pattern.compile("rel_[A-Za-z0-9_-]{43}");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ClientService clients;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProductLineAdmin productLines;
    @Autowired
    OrderService orders;
    @Autowired
    Clock clock;

    WebTestSupport support;
    User sales;
    User manager;
    String salesWrite;
    String managerWrite;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        sales = support.newUser(Role.SALES);
        manager = support.newUser(Role.MANAGER);
        salesWrite = tokens.create("script", ApiScope.READ_WRITE, sales.asActor()).secret();
        managerWrite = tokens.create("sync", ApiScope.READ_WRITE, manager.asActor()).secret();
    }

    @Test
    void aTokenCreatedOnTheProfilePageIsShownOnceStoredHashedAndRevocable() throws Exception {
        MvcResult created = mvc.perform(post("/profile/tokens").with(csrf()).with(support.as(sales))
                        .param("name", "Tableur de suivi").param("scope", "READ"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn();
        Matcher found = SECRET.matcher(created.getResponse().getContentAsString());
        assertThat(found.find()).as("the secret is on the page").isTrue();
        String secret = found.group();
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = encode(sha256(cast(:s as bytea)), 'hex')")
                .param("s", secret).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = :s or hint = :s")
                .param("s", secret).query(Long.class).single()).as("the secret itself is not stored").isZero();
        // listed on the page, never the secret again
        String page = mvc.perform(get("/profile/tokens").with(support.as(sales)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Tableur de suivi").doesNotContain(secret);

        mvc.perform(api(get("/api/v1/companies"), secret)).andExpect(status().isOk());
        assertThat(tokens.mine(sales.asActor()).getFirst().lastUsedAt()).as("last used").isNotNull();

        long id = tokens.mine(sales.asActor()).getFirst().id();
        mvc.perform(post("/profile/tokens/" + id + "/revoke").with(csrf()).with(support.as(manager)))
                .andExpect(status().isNotFound()); // someone else's token
        mvc.perform(post("/profile/tokens/" + id + "/revoke").with(csrf()).with(support.as(sales)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(api(get("/api/v1/companies"), secret))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", containsString("invalid_token")));
    }

    @Test
    void withoutAValidTokenEveryCallIs401ProblemJson() throws Exception {
        mvc.perform(get("/api/v1/companies"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"));
        mvc.perform(post("/api/v1/companies").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(api(get("/api/v1/companies"), "rel_not-a-token")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/companies").header("Authorization", "Basic dXNlcjpwYXNz"))
                .andExpect(status().isUnauthorized());
        // a session's user is no token holder: the API chain reads no cookie
        mvc.perform(get("/api/v1/companies").cookie(new jakarta.servlet.http.Cookie("SESSION", "whatever")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aDisabledUsersTokensStopAtOnceAndARoleChangeAppliesToTheNextCall() throws Exception {
        mvc.perform(api(get("/api/v1/complaints"), salesWrite)).andExpect(status().isForbidden());
        User u = users.get(sales.id());
        users.update(u.id(), u.version(), new UserService.UserChanges(u.username(), u.fullName(), u.email(),
                Role.MANAGER, u.department(), true));
        mvc.perform(api(get("/api/v1/complaints"), salesWrite)).andExpect(status().isOk());
        u = users.get(sales.id());
        users.update(u.id(), u.version(), new UserService.UserChanges(u.username(), u.fullName(), u.email(),
                u.role(), u.department(), false));
        mvc.perform(api(get("/api/v1/companies"), salesWrite)).andExpect(status().isUnauthorized());
    }

    @Test
    void listsArePagedByKeysetWithANextCursorAndFiltered() throws Exception {
        User owner = support.newUser(Role.SALES);
        Company first = support.companyOwnedBy(owner);
        Company second = support.companyOwnedBy(owner);
        Company third = support.companyOwnedBy(owner);
        MvcResult page1 = mvc.perform(api(get("/api/v1/companies").param("owner", owner.id().toString())
                        .param("limit", "2"), salesWrite))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[0].id").value(first.id()))
                .andExpect(jsonPath("$.items[1].id").value(second.id()))
                .andExpect(jsonPath("$.next").isString())
                .andExpect(header().string("Link", containsString("rel=\"next\"")))
                .andReturn();
        String next = com.jayway.jsonpath.JsonPath.read(page1.getResponse().getContentAsString(), "$.next");
        String nextLink = com.jayway.jsonpath.JsonPath.read(page1.getResponse().getContentAsString(), "$.nextLink");
        assertThat(nextLink).startsWith("/api/v1/companies?").contains("owner=" + owner.id())
                .contains("limit=2").contains("after=" + next);
        mvc.perform(api(get("/api/v1/companies").param("owner", owner.id().toString()).param("limit", "2")
                        .param("after", next), salesWrite))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].id").value(third.id()))
                .andExpect(jsonPath("$.next").value(nullValue()));
        mvc.perform(api(get("/api/v1/companies").param("owner", owner.id().toString())
                        .param("status", "PROSPECT"), salesWrite))
                .andExpect(jsonPath("$.items", hasSize(0)));
        mvc.perform(api(get("/api/v1/companies").param("owner", owner.id().toString())
                        .param("status", "CUSTOMER"), salesWrite))
                .andExpect(jsonPath("$.items", hasSize(3)));
        mvc.perform(api(get("/api/v1/companies").param("owner", owner.id().toString())
                        .param("updatedSince", "2000-01-01T00:00:00Z"), salesWrite))
                .andExpect(jsonPath("$.items", hasSize(3)));
        mvc.perform(api(get("/api/v1/companies").param("owner", owner.id().toString())
                        .param("updatedSince", "2999-01-01T00:00:00Z"), salesWrite))
                .andExpect(jsonPath("$.items", hasSize(0)));
    }

    @Test
    void aCompanyIsCreatedThenUpdatedOnlyWithTheCurrentETagInIfMatch() throws Exception {
        MvcResult created = mvc.perform(api(post("/api/v1/companies"), salesWrite)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Boulangerie API\",\"city\":\"Lyon\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(header().string("Location", containsString("/api/v1/companies/")))
                .andExpect(jsonPath("$.name").value("Boulangerie API"))
                .andExpect(jsonPath("$.ownerId").value(sales.id()))
                .andExpect(jsonPath("$.status").value("PROSPECT"))
                .andReturn();
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.id"))
                .longValue();
        String url = "/api/v1/companies/" + id;
        mvc.perform(api(get(url), salesWrite)).andExpect(status().isOk()).andExpect(header().string("ETag", "\"0\""));

        String change = "{\"name\":\"Boulangerie Martin\",\"city\":\"Lyon\"}";
        mvc.perform(api(put(url), salesWrite).contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isPreconditionRequired())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(428));
        mvc.perform(api(put(url), salesWrite).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.name").value("Boulangerie Martin"));
        // the same change again on the version seen before: someone else's write would be lost
        mvc.perform(api(put(url), salesWrite).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.currentVersion").value(1));
        mvc.perform(api(patch(url), salesWrite).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"sector\":\"Boulangerie\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Boulangerie Martin"))
                .andExpect(jsonPath("$.sector").value("Boulangerie"))
                .andExpect(jsonPath("$.city").value("Lyon"));
        // a broken rule: 400 with the field
        mvc.perform(api(patch(url), salesWrite).header("If-Match", "\"2\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + "x".repeat(300) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void aReadTokenOnlyReadsAndEachRoleKeepsThePagesRules() throws Exception {
        String salesRead = tokens.create("read", ApiScope.READ, sales.asActor()).secret();
        Company others = support.companyOwnedBy(support.newUser(Role.SALES));
        mvc.perform(api(get("/api/v1/companies/" + others.id()), salesRead)).andExpect(status().isOk());
        mvc.perform(api(post("/api/v1/companies"), salesRead).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Refusée\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(api(patch("/api/v1/companies/" + others.id()), salesRead).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"city\":\"Nantes\"}"))
                .andExpect(status().isForbidden());
        // a sales rep edits their own clients only; a manager edits any (as on the pages)
        mvc.perform(api(patch("/api/v1/companies/" + others.id()), salesWrite).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"city\":\"Nantes\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(api(patch("/api/v1/companies/" + others.id()), managerWrite).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"city\":\"Nantes\"}"))
                .andExpect(status().isOk());
        // the complaints queue is for those who handle complaints
        mvc.perform(api(get("/api/v1/complaints"), salesWrite)).andExpect(status().isForbidden());
        mvc.perform(api(get("/api/v1/complaints"), managerWrite)).andExpect(status().isOk());
        // an administrator logs no interactions and opens no deals, through the API neither
        User admin = support.newUser(Role.ADMIN);
        String adminWrite = tokens.create("admin", ApiScope.READ_WRITE, admin.asActor()).secret();
        mvc.perform(api(post("/api/v1/deals"), adminWrite).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void peopleInteractionsDealsAndComplaintsAreCreatedReadAndListed() throws Exception {
        Company company = support.companyOwnedBy(sales);
        String person = mvc.perform(api(post("/api/v1/people"), salesWrite).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"companyId\":" + company.id() + ",\"firstName\":\"Anne\",\"lastName\":\"Durand\","
                                + "\"email\":\"anne@example.com\",\"consentEmail\":true}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.primaryContact").value(true))
                .andExpect(jsonPath("$.consentEmail").value(true))
                .andReturn().getResponse().getContentAsString();
        long personId = ((Number) com.jayway.jsonpath.JsonPath.read(person, "$.id")).longValue();
        assertThat(jdbc.sql("select source || ' ' || recorded_by from consent_history where contact_id = :p "
                        + "and channel = 'EMAIL' and granted").param("p", personId).query(String.class).single())
                .as("a consent given through the API is in the person's consent history as such")
                .isEqualTo("API " + sales.id());
        mvc.perform(api(patch("/api/v1/people/" + personId), salesWrite).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"jobTitle\":\"Gérante\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jobTitle").value("Gérante"))
                .andExpect(jsonPath("$.email").value("anne@example.com"));
        mvc.perform(api(get("/api/v1/people").param("company", company.id().toString()), salesWrite))
                .andExpect(jsonPath("$.items", hasSize(1)));

        mvc.perform(api(post("/api/v1/interactions"), salesWrite).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"companyId\":" + company.id() + ",\"personIds\":[" + personId + "],"
                                + "\"channel\":\"PHONE\",\"direction\":\"OUTBOUND\",\"subject\":\"Appel de suivi\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.personIds[0]").value(personId))
                .andExpect(jsonPath("$.authorId").value(sales.id()));
        mvc.perform(api(get("/api/v1/interactions").param("company", company.id().toString()), salesWrite))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].subject").value("Appel de suivi"));

        String deal = mvc.perform(api(post("/api/v1/deals"), salesWrite).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"companyId\":" + company.id() + ",\"title\":\"Fours\",\"amount\":12000,"
                                + "\"currency\":\"EUR\",\"expectedCloseOn\":\"2099-06-30\",\"personIds\":[" + personId
                                + "],\"nextStep\":\"Envoyer le devis\",\"nextStepDue\":\"2099-01-15\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.stage").value("PROSPECTING"))
                .andReturn().getResponse().getContentAsString();
        long dealId = ((Number) com.jayway.jsonpath.JsonPath.read(deal, "$.id")).longValue();
        mvc.perform(api(patch("/api/v1/deals/" + dealId), salesWrite).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":15000}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.amount").value(15000))
                .andExpect(jsonPath("$.title").value("Fours"));
        mvc.perform(api(get("/api/v1/deals").param("company", company.id().toString())
                        .param("status", "PROSPECTING"), salesWrite))
                .andExpect(jsonPath("$.items", hasSize(1)));

        User support1 = support.newUser(Role.SUPPORT);
        mvc.perform(api(post("/api/v1/complaints"), salesWrite).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"companyId\":" + company.id() + ",\"personId\":" + personId + ",\"channel\":\"PHONE\","
                                + "\"category\":\"DELIVERY\",\"severity\":\"HIGH\",\"subject\":\"Retard\","
                                + "\"description\":\"Livraison en retard\",\"ownerId\":" + support1.id() + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.ownerId").value(support1.id()));
        mvc.perform(api(get("/api/v1/complaints").param("company", company.id().toString()), managerWrite))
                .andExpect(jsonPath("$.items", hasSize(1)));
    }

    @Test
    void everyoneReadsOrdersFilteredByStatusAndCompany() throws Exception {
        User adv = support.newUser(Role.ADV);
        User admin = support.newUser(Role.ADMIN);
        Company company = support.companyOwnedBy(sales);
        long line = productLines.create(TestData.unique("L").substring(0, 8).toUpperCase(), "Gamme", null,
                admin.asActor()).id();
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        long order = orders.place(company.id(), new OrderDetails(null, null, today, "EUR", PaymentTerms.NET_30,
                today.plusDays(10), List.of(new OrderDetails.Line(line, 2, new BigDecimal("100"), null))),
                adv.asActor()).id();
        mvc.perform(api(get("/api/v1/orders").param("company", company.id().toString()), salesWrite))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].id").value(order))
                .andExpect(jsonPath("$.items[0].status").value("RECEIVED"))
                .andExpect(jsonPath("$.items[0].total").value(200.0));
        mvc.perform(api(get("/api/v1/orders").param("company", company.id().toString()).param("status", "PAID"),
                        salesWrite))
                .andExpect(jsonPath("$.items", hasSize(0)));
        mvc.perform(api(get("/api/v1/orders/" + order), salesWrite))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"0\""));
        // an order is cancelled, never deleted
        expectProblem(api(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                "/api/v1/orders/" + order), salesWrite), 405);
    }

    @Test
    void badInputIsA4xxProblemNeverA500() throws Exception {
        Company company = support.companyOwnedBy(sales);
        String url = "/api/v1/companies/" + company.id();
        expectProblem(api(post("/api/v1/companies"), salesWrite).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": "), 400);
        expectProblem(api(post("/api/v1/companies"), salesWrite).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"X\",\"status\":\"NOPE\"}"), 400);
        expectProblem(api(post("/api/v1/companies"), salesWrite).contentType(MediaType.APPLICATION_JSON)
                .content("[1,2]"), 400);
        expectProblem(api(post("/api/v1/companies"), salesWrite).contentType(MediaType.APPLICATION_JSON)
                .content(""), 400);
        expectProblem(api(post("/api/v1/companies"), salesWrite).contentType(MediaType.APPLICATION_JSON)
                .content("{}"), 400);
        expectProblem(api(post("/api/v1/companies"), salesWrite).contentType(MediaType.TEXT_PLAIN)
                .content("name=X"), 415);
        expectProblem(api(post("/api/v1/deals"), salesWrite).contentType(MediaType.APPLICATION_JSON)
                .content("{\"companyId\":" + company.id() + "}"), 400);
        expectProblem(api(post("/api/v1/interactions"), salesWrite).contentType(MediaType.APPLICATION_JSON)
                .content("{\"companyId\":" + company.id() + "}"), 400);
        expectProblem(api(post("/api/v1/complaints"), salesWrite).contentType(MediaType.APPLICATION_JSON)
                .content("{\"companyId\":" + company.id() + "}"), 400);
        expectProblem(api(post("/api/v1/people"), salesWrite).contentType(MediaType.APPLICATION_JSON)
                .content("{\"companyId\":999999999,\"lastName\":\"X\"}"), 404);
        expectProblem(api(put(url), salesWrite).header("If-Match", "banana")
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"X\"}"), 412);
        expectProblem(api(get("/api/v1/companies").param("limit", "abc"), salesWrite), 400);
        expectProblem(api(get("/api/v1/companies").param("limit", "100000"), salesWrite), 400);
        expectProblem(api(get("/api/v1/companies").param("after", "%%%"), salesWrite), 400);
        expectProblem(api(get("/api/v1/companies").param("status", "NOPE"), salesWrite), 400);
        expectProblem(api(get("/api/v1/companies").param("updatedSince", "yesterday"), salesWrite), 400);
        expectProblem(api(get("/api/v1/companies/abc"), salesWrite), 400);
        expectProblem(api(get("/api/v1/companies/999999999"), salesWrite), 404);
        expectProblem(api(get("/api/v1/nothing-here"), salesWrite), 404);
        expectProblem(api(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(url),
                salesWrite), 405);
    }

    @Test
    void aTokenOverItsRateGets429WithRetryAfter() throws Exception {
        String secret = tokens.create("busy", ApiScope.READ, sales.asActor()).secret();
        int allowed = 0;
        MvcResult refused = null;
        while (allowed < 1_000 && refused == null) {
            MvcResult result = mvc.perform(api(get("/api/v1/companies").param("limit", "1"), secret)).andReturn();
            if (result.getResponse().getStatus() == 429) {
                refused = result;
            } else {
                assertThat(result.getResponse().getStatus()).isEqualTo(200);
                allowed++;
            }
        }
        // a burst of the limit passes (plus what refilled while the loop ran: 2 a second), then 429
        assertThat(allowed).isBetween(120, 999);
        assertThat(refused).isNotNull();
        assertThat(refused.getResponse().getHeader("Retry-After")).isNotBlank();
        assertThat(refused.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(refused.getResponse().getContentAsString()).contains("\"status\":429");
        // per token: another one of the same user still passes
        mvc.perform(api(get("/api/v1/companies"), salesWrite)).andExpect(status().isOk());
    }

    private void expectProblem(MockHttpServletRequestBuilder request, int code) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus())
                .as(request.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI()
                        + " " + result.getResponse().getContentAsString())
                .isEqualTo(code);
        assertThat(result.getResponse().getContentType()).as("problem details")
                .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request, String token) {
        return request.header("Authorization", "Bearer " + token).accept(MediaType.APPLICATION_JSON);
    }

    static String unique(String prefix) {
        return TestData.unique(prefix);
    }
}
