package org.relationcrm.demo;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.postgresql.copy.CopyIn;

import org.relationcrm.client.CompanySize;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.demo.FrenchData.City;
import org.relationcrm.demo.FrenchData.Trade;
import org.relationcrm.demo.GenerationReport.TableLoad;
import org.relationcrm.demo.Topics.Topic;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;

/**
 * One generation: writes companies, then people, then interactions, each table as a stream of COPY rows.
 * Only a few numbers per company and per person are kept in memory (creation date, owner, contacts), never rows.
 *
 * <p>Interactions are written in time order over the last three years, so ids grow with dates and a company's
 * history is scattered over the table as it would be after years of use. Each one goes to a client picked by
 * weight: a handful of very large accounts, customers more than prospects, larger companies more than small ones.
 */
final class GenerationRun {

    static final int HISTORY_DAYS = 1095;
    static final double PRIVATE_CUSTOMER_SHARE = 0.03;
    private static final long DAY = 86_400;
    private static final long YEAR = 365 * DAY;
    private static final int CHUNK_ROWS = 250_000;
    private static final double NEXT_STEP_SCALE = 0.6;
    private static final int[] DUE_IN_DAYS = {0, 1, 1, 2, 2, 3, 3, 5, 7, 7, 7, 10, 14, 14, 21, 30};
    private static final Channel[] CHANNELS = Channel.values();
    private static final CompanySize[] SIZES = CompanySize.values();
    private static final WeightedPicker[] SIZE_BY_BIAS = {WeightedPicker.of(60, 32, 7, 1),
            WeightedPicker.of(30, 40, 22, 8), WeightedPicker.of(5, 25, 40, 30)};
    /** In the order of {@link Channel}: PHONE, EMAIL, MEETING, VISIT, CHAT, LETTER, SOCIAL, SMS. */
    private static final WeightedPicker PREFERRED_CHANNELS = WeightedPicker.of(35, 45, 5, 3, 2, 3, 2, 5);

    private static final byte[] INBOUND = CopyBuffer.escape("INBOUND");
    private static final byte[] OUTBOUND = CopyBuffer.escape("OUTBOUND");
    private static final byte[][] MOODS = {CopyBuffer.escape("POSITIVE"), CopyBuffer.escape("NEUTRAL"),
            CopyBuffer.escape("NEGATIVE")};
    private static final byte[][] CHANNEL_NAMES = Arrays.stream(CHANNELS).map(c -> CopyBuffer.escape(c.name()))
            .toArray(byte[][]::new);
    private static final byte[][] DEPARTMENT_NAMES = Arrays.stream(Department.values())
            .map(d -> CopyBuffer.escape(d.name())).toArray(byte[][]::new);
    private static final byte[] SPACE = {' '};
    private static final byte[] DASH = {'-'};

    static final String COMPANY_COPY = "copy company (id, name, legal_id, sector, size, street, postal_code, city, "
            + "country, website, phone, status, owner_id, notes, created_at) from stdin";
    static final String CONTACT_COPY = "copy contact (id, company_id, primary_contact, civility, first_name, last_name, "
            + "preferred_name, job_title, email, phone, mobile, city, preferred_channel, language, personal_notes, "
            + "preferences, consent_email, consent_phone, consent_sms, consent_letter, created_at) from stdin";
    static final String IMPORTANT_DATE_COPY = "copy contact_important_date (contact_id, position, label, the_date) from stdin";
    static final String INTERACTION_COPY = "copy interaction (id, company_id, channel, direction, occurred_at, author_id, "
            + "author_department, subject, summary, outcome, sentiment, next_step, next_step_due, next_step_assignee_id, "
            + "next_step_done_at, next_step_done_by, logged_at) from stdin";
    static final String INTERACTION_CONTACT_COPY = "copy interaction_contact (interaction_id, contact_id, occurred_at) from stdin";

    private final GenerationPlan plan;
    private final CopyTarget copy;
    private final long now;
    private final ZoneRules zone;
    private final long today;
    private final long companyBase;
    private final long contactBase;
    private final long interactionBase;

    private final SplittableRandom companyRandom;
    private final SplittableRandom contactRandom;
    private final SplittableRandom interactionRandom;

    // staff
    private final long[] staffIds;
    private final Department[] staffDepartments;
    private final int[] owners;
    private final WeightedPicker companyAuthors;
    private final WeightedPicker privateAuthors;

    // what is remembered of each company: a few numbers, no rows
    private final int companyCount;
    private final long[] companyCreated;
    private final long[] companyChurned;
    private final byte[] companyStatus;
    private final byte[] companySize;
    private final int[] companyOwner;
    private final short[] companyCity;
    private final String[] companyDomain;
    private final int[] firstContact;
    private final int[] contactCount;

    // and of each person
    private final int contactTotal;
    private final int privateCount;
    private final long[] contactCreated;

    private final WeightedPicker cities;
    private final WeightedPicker trades;
    private final Topics.Menu menu = new Topics.Menu();

    GenerationRun(GenerationPlan plan, CopyTarget copy, Instant now, ZoneId zoneId, long companyBase, long contactBase,
                  long interactionBase) {
        this.plan = plan;
        this.copy = copy;
        this.now = now.getEpochSecond();
        this.zone = zoneId.getRules();
        this.today = LocalDate.ofInstant(now, zoneId).toEpochDay();
        this.companyBase = companyBase;
        this.contactBase = contactBase;
        this.interactionBase = interactionBase;
        SplittableRandom root = new SplittableRandom(plan.seed());
        this.companyRandom = root.split();
        this.contactRandom = root.split();
        this.interactionRandom = root.split();

        int staffSize = plan.staff().size();
        staffIds = new long[staffSize];
        staffDepartments = new Department[staffSize];
        double[] companyWeights = new double[staffSize];
        double[] privateWeights = new double[staffSize];
        List<Integer> sales = new ArrayList<>();
        for (int i = 0; i < staffSize; i++) {
            GenerationPlan.Staff member = plan.staff().get(i);
            staffIds[i] = member.userId();
            staffDepartments[i] = member.department();
            companyWeights[i] = switch (member.department()) {
                case SALES -> 0.6;
                case SUPPORT -> 1.6;
                case ADV -> 1.5;
                case MARKETING -> 0.3;
                case MANAGEMENT -> 0.12;
            };
            privateWeights[i] = switch (member.department()) {
                case SUPPORT -> 1.5;
                case ADV -> 1.0;
                case SALES -> 0.4;
                case MARKETING -> 0.2;
                case MANAGEMENT -> 0.05;
            };
            if (member.department() == Department.SALES) {
                sales.add(i);
            }
        }
        owners = sales.isEmpty()
                ? IntStream.range(0, staffSize).toArray()
                : sales.stream().mapToInt(Integer::intValue).toArray();
        companyAuthors = staffSize == 0 ? null : new WeightedPicker(companyWeights);
        privateAuthors = staffSize == 0 ? null : new WeightedPicker(privateWeights);

        companyCount = plan.companies();
        companyCreated = new long[companyCount];
        companyChurned = new long[companyCount];
        companyStatus = new byte[companyCount];
        companySize = new byte[companyCount];
        companyOwner = new int[companyCount];
        companyCity = new short[companyCount];
        companyDomain = new String[companyCount];
        firstContact = new int[companyCount];
        contactCount = new int[companyCount];

        contactTotal = plan.contacts();
        privateCount = companyCount == 0 ? contactTotal : (int) Math.round(contactTotal * PRIVATE_CUSTOMER_SHARE);
        contactCreated = new long[contactTotal];

        cities = new WeightedPicker(FrenchData.CITIES.stream().mapToDouble(City::weight).toArray());
        trades = new WeightedPicker(FrenchData.TRADES.stream().mapToDouble(t -> 1.0).toArray());
    }

    /** Writes the three kinds of rows; the caller owns the transaction. */
    List<TableLoad> execute() throws SQLException {
        List<TableLoad> loads = new ArrayList<>();
        loads.add(writeCompanies());
        loads.addAll(writeContacts());
        loads.addAll(writeInteractions());
        return loads;
    }

    // ---------------------------------------------------------------------------------------------- companies

    private TableLoad writeCompanies() throws SQLException {
        long started = System.nanoTime();
        SplittableRandom r = companyRandom;
        CopyBuffer out = new CopyBuffer(1 << 17);
        CopyIn in = copy.copyIn(COMPANY_COPY);
        out.bind(in);
        long rows;
        try {
            int big = bigAccounts();
            long sirenOffset = Math.floorMod(plan.seed() * 2_654_435_761L, 70_000_000L);
            for (int i = 0; i < companyCount; i++) {
                long created = createdAt(i, companyCount, r);
                companyCreated[i] = created;
                companyChurned[i] = Long.MAX_VALUE;
                double u = (double) i / Math.max(1, companyCount);
                CompanyStatus status;
                if (i < big) {
                    status = CompanyStatus.CUSTOMER;
                } else {
                    double x = r.nextDouble();
                    double prospects = u > 0.85 ? 0.55 : 0.22;
                    status = x < prospects ? CompanyStatus.PROSPECT
                            : x < prospects + 0.10 ? CompanyStatus.FORMER_CUSTOMER : CompanyStatus.CUSTOMER;
                }
                if (status == CompanyStatus.FORMER_CUSTOMER) {
                    long from = Math.max(created + 180 * DAY, now - HISTORY_DAYS * DAY + 120 * DAY);
                    long to = now - 30 * DAY;
                    if (from < to) {
                        companyChurned[i] = from + (long) (r.nextDouble() * (to - from));
                    } else {
                        status = CompanyStatus.CUSTOMER;
                    }
                }
                companyStatus[i] = (byte) status.ordinal();
                int cityIndex = cities.pick(r);
                companyCity[i] = (short) cityIndex;
                City city = FrenchData.CITIES.get(cityIndex);
                CompanyName name = i < big ? bigAccountName(r) : companyName(r, city);
                int size;
                if (i < big) {
                    size = CompanySize.LARGE.ordinal();
                } else if (r.nextDouble() < 0.05) {
                    size = -1;
                } else {
                    size = SIZE_BY_BIAS[name.sizeBias].pick(r);
                }
                companySize[i] = (byte) size;
                int owner = owners[r.nextInt(owners.length)];
                companyOwner[i] = owner;
                String domain = FrenchData.domainLabel(name.withoutLegalForm) + (r.nextDouble() < 0.75 ? ".fr" : ".com");
                companyDomain[i] = domain;

                out.number(companyBase + i);
                out.text(name.full);
                if (r.nextDouble() < 0.88) {
                    // distinct for every company of a run, and starting with 3 to 9 like companies' SIRENs
                    out.text(siren(30_000_000 + Math.floorMod(sirenOffset + (long) i * 39_916_801L, 70_000_000L)));
                } else {
                    out.nul();
                }
                out.text(r.nextDouble() < 0.92 ? name.sector : null);
                out.text(size < 0 ? null : SIZES[size].name());
                boolean located = r.nextDouble() < 0.96;
                out.text(located && r.nextDouble() < 0.95 ? street(r) : null);
                out.text(located ? pick(r, city.postalCodes()) : null);
                out.text(located ? city.name() : null);
                out.text(r.nextDouble() < 0.96 ? "France" : null);
                double web = size >= CompanySize.MEDIUM.ordinal() ? 0.85 : 0.45;
                out.text(r.nextDouble() < web ? (r.nextDouble() < 0.8 ? "www." : "https://www.") + domain : null);
                out.text(r.nextDouble() < 0.88 ? landline(r, city) : null);
                out.text(status.name());
                out.number(staffIds[owner]);
                out.text(r.nextDouble() < 0.15 ? pick(r, FrenchData.COMPANY_NOTES) : null);
                out.timestamp(created);
                out.endRow();
            }
            rows = out.finish();
        } catch (SQLException | RuntimeException e) {
            cancel(in);
            throw e;
        }
        return new TableLoad("company", rows, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The first few companies are the very large accounts; none below six companies. */
    private int bigAccounts() {
        return companyCount < 6 ? 0 : Math.min(5, Math.max(1, companyCount / 10));
    }

    /**
     * When the i-th of n clients was created: ids grow with time, 70 % before the three years of history,
     * the rest during them, the last one a week ago. Always during office hours.
     */
    private long createdAt(int i, int n, SplittableRandom r) {
        double u = (i + r.nextDouble()) / Math.max(1, n);
        long tenYearsAgo = now - 10 * YEAR;
        long created = u < 0.7
                ? tenYearsAgo + (long) (u / 0.7 * 7 * YEAR)
                : now - 3 * YEAR + (long) ((u - 0.7) / 0.3 * (3 * YEAR - 7 * DAY));
        long day = localDay(created);
        return dayStart(day) + 8 * 3600 + r.nextInt(10 * 3600);
    }

    private record CompanyName(String full, String withoutLegalForm, String sector, int sizeBias) {
    }

    private CompanyName companyName(SplittableRandom r, City city) {
        Trade trade = FrenchData.TRADES.get(trades.pick(r));
        String family = pick(r, FrenchData.FAMILY_NAMES);
        FrenchData.Activity activity = FrenchData.ACTIVITIES.get(r.nextInt(FrenchData.ACTIVITIES.size()));
        String sector = pick(r, trade.sectors());
        int bias = trade.sizeBias();
        int pattern = r.nextInt(100);
        String name;
        if (pattern < 36) {
            name = trade.word() + " " + family;
        } else if (pattern < 41) {
            name = trade.word() + " " + family + " & Fils";
        } else if (pattern < 51) {
            name = trade.word() + " " + city.demonym(trade.feminine(), trade.plural());
        } else if (pattern < 60) {
            name = trade.word() + " " + pick(r, FrenchData.PLACES);
        } else if (pattern < 67) {
            String other = pick(r, FrenchData.FAMILY_NAMES);
            name = trade.word() + " " + family + (other.equals(family) ? "" : "-" + other);
        } else if (pattern < 83) {
            name = family + " " + activity.word();
            sector = activity.sector();
            bias = activity.sizeBias();
        } else if (pattern < 90) {
            name = "Groupe " + family;
            sector = activity.sector();
            bias = 2;
        } else if (pattern < 95) {
            name = family + " & Associés";
            sector = r.nextBoolean() ? "Conseil" : "Expertise comptable";
            bias = 0;
        } else {
            name = "Groupe " + family + " " + activity.word();
            sector = activity.sector();
            bias = 2;
        }
        String full = name;
        double legal = r.nextDouble();
        if (legal < 0.30) {
            full = name + FrenchData.LEGAL_FORMS[legal < 0.13 ? 0 : legal < 0.24 ? 1 : legal < 0.27 ? 2 : legal < 0.29 ? 3 : 4];
        }
        return new CompanyName(full, name, sector, bias);
    }

    /** The large accounts are groups and industrial companies: "Groupe Morel", "Laboratoires Faure", "Vidal Industries". */
    private static CompanyName bigAccountName(SplittableRandom r) {
        String family = pick(r, FrenchData.FAMILY_NAMES);
        String[][] patterns = {
                {"Groupe " + family, "Distribution"},
                {family + " Industries", "Industrie"},
                {"Laboratoires " + family, "Santé et pharmacie"},
                {"Transports " + family, "Transport et logistique"},
                {family + " Distribution", "Distribution"},
                {"Groupe " + family + " Bâtiment", "Bâtiment"},
                {family + " Énergie", "Énergie"},
                {"Fromageries " + family, "Agroalimentaire"}};
        String[] pattern = patterns[r.nextInt(patterns.length)];
        return new CompanyName(pattern[0] + (r.nextBoolean() ? " SA" : " SAS"), pattern[0], pattern[1], 2);
    }

    /** A SIREN: eight digits and the Luhn check digit, as INSEE computes it. */
    static String siren(long eightDigits) {
        char[] digits = String.format("%08d", eightDigits).toCharArray();
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int d = digits[7 - i] - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        int check = (10 - sum % 10) % 10;
        return new String(digits) + check;
    }

    private static String street(SplittableRandom r) {
        if (r.nextDouble() < 0.12) {
            return pick(r, FrenchData.BUSINESS_PARKS);
        }
        int number = 1 + (r.nextDouble() < 0.7 ? r.nextInt(60) : r.nextInt(180));
        return number + (r.nextDouble() < 0.03 ? " bis " : " ") + pick(r, FrenchData.STREETS);
    }

    private static String landline(SplittableRandom r, City city) {
        return pick(r, city.phonePrefixes()) + pairs(r, 3);
    }

    private static String mobile(SplittableRandom r) {
        return (r.nextDouble() < 0.8 ? "06" : "07") + pairs(r, 4);
    }

    private static String pairs(SplittableRandom r, int count) {
        StringBuilder out = new StringBuilder(count * 3);
        for (int i = 0; i < count; i++) {
            int pair = r.nextInt(100);
            out.append(' ').append((char) ('0' + pair / 10)).append((char) ('0' + pair % 10));
        }
        return out.toString();
    }

    // ---------------------------------------------------------------------------------------------- people

    private List<TableLoad> writeContacts() throws SQLException {
        SplittableRandom r = contactRandom;
        allocateContacts(r);
        ParentChildCopy out = new ParentChildCopy(copy, CONTACT_COPY, IMPORTANT_DATE_COPY, CHUNK_ROWS);
        try {
            out.start();
            int index = 0;
            for (int c = 0; c < companyCount; c++) {
                for (int j = 0; j < contactCount[c]; j++) {
                    writeContact(out, r, index++, c, j == 0);
                }
            }
            for (int p = 0; p < privateCount; p++) {
                writeContact(out, r, index++, -1, false);
            }
            out.finish();
        } catch (SQLException | RuntimeException e) {
            out.cancel();
            throw e;
        }
        return List.of(new TableLoad("contact", out.parentRows(), out.parentTime()),
                new TableLoad("contact_important_date", out.childRows(), out.childTime()));
    }

    /** How many people each company has: none for some, a few for most, dozens for the large accounts. */
    private void allocateContacts(SplittableRandom r) {
        int atCompanies = contactTotal - privateCount;
        double[] weights = new double[companyCount];
        int big = bigAccounts();
        for (int c = 0; c < companyCount; c++) {
            boolean prospect = companyStatus[c] == CompanyStatus.PROSPECT.ordinal();
            if (c >= big && r.nextDouble() < (prospect ? 0.15 : 0.05)) {
                continue;
            }
            double w = switch (companySize[c]) {
                case 0 -> 1.0;
                case 1 -> 2.0;
                case 2 -> 3.5;
                case 3 -> 6.0;
                default -> 1.5;
            };
            w *= prospect ? 0.6 : 1.0;
            w *= Math.exp(0.4 * r.nextGaussian());
            weights[c] = c < big ? w * 12 : w;
        }
        if (Arrays.stream(weights).sum() == 0) {
            Arrays.fill(weights, 1.0);
        }
        int[] counts = apportion(weights, atCompanies);
        int next = 0;
        for (int c = 0; c < companyCount; c++) {
            firstContact[c] = next;
            contactCount[c] = counts[c];
            next += counts[c];
        }
    }

    private void writeContact(ParentChildCopy out, SplittableRandom r, int index, int company, boolean primary)
            throws SQLException {
        boolean privateCustomer = company < 0;
        long created;
        if (privateCustomer) {
            created = createdAt(index - (contactTotal - privateCount), privateCount, r);
        } else if (primary) {
            created = companyCreated[company] + r.nextInt(2 * 3600);
        } else {
            long span = Math.min(2 * YEAR, now - companyCreated[company] - 3600);
            created = companyCreated[company] + (span <= 0 ? 0 : (long) (r.nextDouble() * span));
        }
        contactCreated[index] = created;

        boolean english = r.nextDouble() < 0.05;
        boolean feminine = r.nextBoolean();
        String firstName;
        String lastName;
        if (english && r.nextDouble() < 0.6) {
            firstName = pick(r, feminine ? FrenchData.ENGLISH_FEMALE_FIRST_NAMES : FrenchData.ENGLISH_MALE_FIRST_NAMES);
            lastName = pick(r, FrenchData.ENGLISH_FAMILY_NAMES);
        } else {
            firstName = pick(r, feminine ? FrenchData.FEMALE_FIRST_NAMES : FrenchData.MALE_FIRST_NAMES);
            lastName = pick(r, FrenchData.FAMILY_NAMES);
        }
        String civility = r.nextDouble() < 0.03 ? "NONE" : feminine ? "MRS" : "MR";
        if (r.nextDouble() < 0.03) {
            firstName = null;
        }
        String preferredName = firstName != null && r.nextDouble() < 0.3 ? FrenchData.nickname(firstName) : null;
        String jobTitle = null;
        if (!privateCustomer && r.nextDouble() < 0.9) {
            String[] title = primary && companySize[company] == CompanySize.MICRO.ordinal() && r.nextBoolean()
                    ? FrenchData.JOB_TITLES[3] : FrenchData.JOB_TITLES[r.nextInt(FrenchData.JOB_TITLES.length)];
            jobTitle = title[feminine ? 1 : 0];
        }
        String email = null;
        double emailChance = privateCustomer ? 0.8 : primary ? 0.88 : 0.82;
        if (r.nextDouble() < emailChance) {
            String local = emailLocalPart(r, firstName, lastName);
            if (privateCustomer) {
                email = local + (r.nextDouble() < 0.3 ? Integer.toString(10 + r.nextInt(90)) : "") + "@"
                        + pick(r, FrenchData.PRIVATE_EMAIL_DOMAINS);
            } else {
                email = local + "@" + companyDomain[company];
            }
        }
        City city = privateCustomer ? FrenchData.CITIES.get(cities.pick(r)) : FrenchData.CITIES.get(companyCity[company]);
        String phone = r.nextDouble() < (privateCustomer ? 0.3 : 0.45) ? landline(r, city) : null;
        String mobile = r.nextDouble() < (privateCustomer ? 0.85 : 0.6) ? mobile(r) : null;
        String contactCity = privateCustomer ? (r.nextDouble() < 0.93 ? city.name() : null)
                : (r.nextDouble() < 0.15 ? city.name() : null);
        String preferredChannel = r.nextDouble() < 0.7
                ? CHANNELS[PREFERRED_CHANNELS.pick(r)].name() : null;
        String language = english ? "en" : r.nextDouble() < 0.98 ? "fr" : null;
        String notes = r.nextDouble() < 0.15 ? pick(r, FrenchData.PERSONAL_NOTES)[feminine ? 1 : 0] : null;
        String preferences = r.nextDouble() < 0.15
                ? pick(r, feminine ? FrenchData.PREFERENCES_FEMININE : FrenchData.PREFERENCES_MASCULINE) : null;

        CopyBuffer row = out.parent();
        row.number(contactBase + index);
        if (privateCustomer) {
            row.nul();
        } else {
            row.number(companyBase + company);
        }
        row.bool(primary);
        row.text(civility);
        row.text(firstName);
        row.text(lastName);
        row.text(preferredName);
        row.text(jobTitle);
        row.text(email);
        row.text(phone);
        row.text(mobile);
        row.text(contactCity);
        row.text(preferredChannel);
        row.text(language);
        row.text(notes);
        row.text(preferences);
        row.bool(r.nextDouble() < (privateCustomer ? 0.6 : 0.7));
        row.bool(r.nextDouble() < (privateCustomer ? 0.4 : 0.65));
        row.bool(r.nextDouble() < (privateCustomer ? 0.45 : 0.25));
        row.bool(r.nextDouble() < (privateCustomer ? 0.5 : 0.55));
        row.timestamp(created);
        row.endRow();

        if (r.nextDouble() < 0.12) {
            boolean customer = privateCustomer || companyStatus[company] != CompanyStatus.PROSPECT.ordinal();
            CopyBuffer date = out.child();
            date.number(contactBase + index);
            date.number(0);
            if (customer && r.nextDouble() < 0.4) {
                date.text("Anniversaire de contrat");
                date.date(localDay(privateCustomer ? created : companyCreated[company]));
            } else {
                date.text("Anniversaire");
                date.date(LocalDate.of(1958 + r.nextInt(44), 1, 1).toEpochDay() + r.nextInt(365));
            }
            date.endRow();
        }
        out.rowDone();
    }

    private static String emailLocalPart(SplittableRandom r, String firstName, String lastName) {
        String last = FrenchData.emailPart(lastName);
        if (firstName == null) {
            return last;
        }
        String first = FrenchData.emailPart(firstName);
        return r.nextDouble() < 0.85 ? first + "." + last : first.charAt(0) + last;
    }

    // ---------------------------------------------------------------------------------------------- interactions

    private List<TableLoad> writeInteractions() throws SQLException {
        long total = plan.interactions();
        if (total == 0) {
            return List.of(new TableLoad("interaction", 0, Duration.ZERO),
                    new TableLoad("interaction_contact", 0, Duration.ZERO));
        }
        SplittableRandom r = interactionRandom;
        int clients = companyCount + privateCount;
        long[] created = new long[clients];
        long[] churned = new long[clients];
        WeightedPicker picker = new WeightedPicker(clientWeights(r, total, created, churned));
        int fallback = 0;
        for (int k = 1; k < clients; k++) {
            if (created[k] < created[fallback]) {
                fallback = k;
            }
        }
        long firstDay = today - (HISTORY_DAYS - 1);
        int nowSecond = (int) (now - dayStart(today));
        double[] dayWeights = new double[HISTORY_DAYS];
        for (int d = 0; d < HISTORY_DAYS; d++) {
            dayWeights[d] = dayWeight(firstDay + d, d / (double) HISTORY_DAYS);
        }
        double todayShare = Math.clamp((nowSecond - 8 * 3600) / (10.5 * 3600), 0.0, 1.0);
        dayWeights[HISTORY_DAYS - 1] *= todayShare;
        int[] perDay = apportion(dayWeights, total);

        ParentChildCopy out = new ParentChildCopy(copy, INTERACTION_COPY, INTERACTION_CONTACT_COPY, CHUNK_ROWS);
        long id = interactionBase;
        int[] seconds = new int[16];
        try {
            out.start();
            for (int d = 0; d < HISTORY_DAYS; d++) {
                int count = perDay[d];
                if (count == 0) {
                    continue;
                }
                long day = firstDay + d;
                boolean isToday = day == today;
                if (seconds.length < count) {
                    seconds = new int[Math.max(count, seconds.length * 2)];
                }
                for (int j = 0; j < count; j++) {
                    int second = officeSecond(r);
                    if (isToday && second >= nowSecond - 60) {
                        second = r.nextInt(Math.max(1, nowSecond - 60));
                    }
                    seconds[j] = second;
                }
                Arrays.sort(seconds, 0, count);
                long start = dayStart(day);
                int year = LocalDate.ofEpochDay(day).getYear() % 100;
                for (int j = 0; j < count; j++) {
                    long at = start + seconds[j];
                    int client = fallback;
                    for (int attempt = 0; attempt < 32; attempt++) {
                        int candidate = picker.pick(r);
                        if (created[candidate] + DAY <= at && (churned[candidate] > at || r.nextDouble() < 0.08)) {
                            client = candidate;
                            break;
                        }
                    }
                    writeInteraction(out, r, id++, client, at, day, year);
                }
            }
            out.finish();
        } catch (SQLException | RuntimeException e) {
            out.cancel();
            throw e;
        }
        return List.of(new TableLoad("interaction", out.parentRows(), out.parentTime()),
                new TableLoad("interaction_contact", out.childRows(), out.childTime()));
    }

    /**
     * How likely each client is to be the next one someone talks to: the large accounts take 10 000 interactions
     * or more each when the total allows it (5 % of the total each otherwise), then customers more than former
     * customers more than prospects, large companies more than small ones, private customers little.
     */
    private double[] clientWeights(SplittableRandom r, long total, long[] created, long[] churned) {
        int clients = companyCount + privateCount;
        double[] weights = new double[clients];
        int big = bigAccounts();
        double regularSum = 0;
        for (int c = 0; c < companyCount; c++) {
            created[c] = companyCreated[c];
            churned[c] = companyChurned[c];
            if (c < big) {
                continue;
            }
            double w = switch (CompanyStatus.values()[companyStatus[c]]) {
                case CUSTOMER -> 1.0;
                case FORMER_CUSTOMER -> 0.6;
                case PROSPECT -> 0.3;
            };
            w *= switch (companySize[c]) {
                case 0 -> 0.6;
                case 1 -> 1.0;
                case 2 -> 1.6;
                case 3 -> 2.5;
                default -> 1.0;
            };
            w *= Math.exp(0.8 * r.nextGaussian());
            weights[c] = w;
            regularSum += w;
        }
        for (int p = 0; p < privateCount; p++) {
            int k = companyCount + p;
            created[k] = contactCreated[contactTotal - privateCount + p];
            churned[k] = Long.MAX_VALUE;
            weights[k] = 0.25 * Math.exp(0.6 * r.nextGaussian());
            regularSum += weights[k];
        }
        if (big > 0) {
            double share = total >= big * 40_000L ? Math.max(12_000, total / 200.0) / total : 0.05;
            double othersShare = 1 - big * share;
            for (int k = 0; k < clients; k++) {
                if (k < big) {
                    weights[k] = share;
                } else if (regularSum > 0) {
                    weights[k] = weights[k] / regularSum * othersShare;
                }
            }
        }
        return weights;
    }

    private void writeInteraction(ParentChildCopy out, SplittableRandom r, long id, int client, long at, long day,
                                  int year) throws SQLException {
        boolean privateCustomer = client >= companyCount;
        int author;
        if (!privateCustomer && r.nextDouble() < 0.25) {
            author = companyOwner[client];
        } else {
            author = (privateCustomer ? privateAuthors : companyAuthors).pick(r);
        }
        Department department = staffDepartments[author];
        Topic topic = menu.pick(department, privateCustomer, r);
        Channel channel = topic.channel(r);

        CopyBuffer row = out.parent();
        row.number(id);
        if (privateCustomer) {
            row.nul();
        } else {
            row.number(companyBase + client);
        }
        row.raw(CHANNEL_NAMES[channel.ordinal()]);
        row.raw(r.nextDouble() < topic.inboundShare ? INBOUND : OUTBOUND);
        row.timestamp(at);
        row.number(staffIds[author]);
        row.raw(DEPARTMENT_NAMES[department.ordinal()]);
        row.part(topic.subject);
        if (topic.reference != null && r.nextBoolean()) {
            row.part(topic.reference).partNumber(year, 2).part(DASH).partNumber(r.nextInt(100_000), 5);
        }
        row.endValue();
        if (r.nextDouble() < 0.92) {
            row.part(pick(r, topic.summaries));
            if (r.nextDouble() < 0.25) {
                row.part(SPACE).part(pick(r, Topics.SECOND_SENTENCES));
            }
            row.endValue();
        } else {
            row.nul();
        }
        row.rawOrNull(topic.outcomes.length > 0 && r.nextDouble() < 0.7 ? pick(r, topic.outcomes) : null);
        row.rawOrNull(r.nextDouble() < 0.65 ? MOODS[topic.mood(r)] : null);
        if (r.nextDouble() < topic.nextStepChance * NEXT_STEP_SCALE) {
            long due = day + DUE_IN_DAYS[r.nextInt(DUE_IN_DAYS.length)];
            double doneChance = due < today - 14 ? 0.97 : due < today ? 0.5 : 0.12;
            row.raw(pick(r, topic.nextSteps));
            row.date(due);
            // Mostly for the author; sometimes handed over, to the client's owner when someone else talked to them.
            int assignee = author;
            if (r.nextDouble() < 0.1) {
                assignee = !privateCustomer && companyOwner[client] != author
                        ? companyOwner[client] : companyAuthors.pick(r);
            }
            row.number(staffIds[assignee]);
            if (r.nextDouble() < doneChance) {
                long doneAt = at + 3600 + (long) (r.nextDouble() * ((due - day + 2) * DAY));
                if (doneAt > now - 60) {
                    doneAt = at + (long) ((now - 60 - at) * r.nextDouble());
                }
                row.timestamp(doneAt);
                row.number(r.nextDouble() < 0.85 ? staffIds[assignee] : staffIds[companyAuthors.pick(r)]);
            } else {
                row.nul().nul();
            }
        } else {
            row.nul().nul().nul().nul().nul();
        }
        row.timestamp(at);
        row.endRow();

        long contact = -1;
        if (privateCustomer) {
            contact = contactTotal - privateCount + (client - companyCount);
        } else if (contactCount[client] > 0 && r.nextDouble() < 0.85) {
            int first = firstContact[client];
            int index = first;
            if (contactCount[client] > 1 && r.nextDouble() >= 0.5) {
                index = first + 1 + r.nextInt(contactCount[client] - 1);
                if (contactCreated[index] > at) {
                    index = first;
                }
            }
            contact = index;
        }
        if (contact >= 0) {
            CopyBuffer link = out.child();
            link.number(id);
            link.number(contactBase + contact);
            link.timestamp(at);
            link.endRow();
        }
        out.rowDone();
    }

    /**
     * How busy a day is: weekdays, hardly any weekend, a quiet August and Christmas week, public holidays off,
     * and activity growing over the three years as the company grows.
     */
    private static double dayWeight(long epochDay, double progress) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        double weight = switch (date.getDayOfWeek()) {
            case SATURDAY -> 0.06;
            case SUNDAY -> 0.02;
            default -> 1.0;
        };
        int month = date.getMonthValue();
        int dayOfMonth = date.getDayOfMonth();
        if (month == 8 && dayOfMonth <= 25) {
            weight *= 0.55;
        }
        if ((month == 12 && dayOfMonth >= 24) || (month == 1 && dayOfMonth == 1)) {
            weight *= 0.3;
        }
        if (isPublicHoliday(date)) {
            weight *= 0.05;
        }
        return weight * (0.8 + 0.4 * progress);
    }

    private static boolean isPublicHoliday(LocalDate date) {
        Month month = date.getMonth();
        int day = date.getDayOfMonth();
        return (month == Month.JANUARY && day == 1) || (month == Month.MAY && (day == 1 || day == 8))
                || (month == Month.JULY && day == 14) || (month == Month.AUGUST && day == 15)
                || (month == Month.NOVEMBER && (day == 1 || day == 11)) || (month == Month.DECEMBER && day == 25);
    }

    /** Seconds after local midnight: mostly office hours, a few e-mails in the evening. */
    private static int officeSecond(SplittableRandom r) {
        double x = r.nextDouble();
        if (x < 0.45) {
            return 8 * 3600 + r.nextInt(16_200);
        }
        if (x < 0.52) {
            return 12 * 3600 + 1800 + r.nextInt(3600);
        }
        if (x < 0.95) {
            return 13 * 3600 + 1800 + r.nextInt(18_000);
        }
        return 18 * 3600 + 1800 + r.nextInt(12_600);
    }

    /** The instant of local midnight on that day (the offset of mid-morning: DST changes happen at night). */
    private long dayStart(long epochDay) {
        long utcMidnight = epochDay * DAY;
        return utcMidnight - zone.getOffset(Instant.ofEpochSecond(utcMidnight + 10 * 3600)).getTotalSeconds();
    }

    private long localDay(long epochSecond) {
        int offset = zone.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
        return Math.floorDiv(epochSecond + offset, DAY);
    }

    /**
     * Splits {@code total} into whole numbers proportional to the weights, summing exactly to {@code total}
     * (each gets the difference of the rounded-down running totals).
     */
    static int[] apportion(double[] weights, long total) {
        int[] counts = new int[weights.length];
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        if (weights.length == 0 || total == 0) {
            return counts;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("nothing to share " + total + " between");
        }
        double running = 0;
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            running += weights[i];
            long upTo = i == weights.length - 1 ? total : Math.min(total, (long) Math.floor(total * (running / sum)));
            counts[i] = (int) (upTo - given);
            given = upTo;
        }
        return counts;
    }

    private static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static void cancel(CopyIn in) {
        try {
            if (in.isActive()) {
                in.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the transaction is rolled back anyway
        }
    }
}
