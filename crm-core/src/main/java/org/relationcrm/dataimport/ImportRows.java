package org.relationcrm.dataimport;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.relationcrm.client.Civility;
import org.relationcrm.client.Company;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanySize;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.client.Contact;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.Interaction;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.Text;

/**
 * Turns the cells of a row into what is written, or into the reasons it is refused. The rules are the aggregates'
 * own: a company's row builds a {@link Company} (name required, lengths, SIREN or SIRET), a person's a
 * {@link Contact} (email, language), an interaction's checks {@link Interaction}'s limits; a rule broken on a field
 * is reported on the column mapped to it. References to other records (a company by SIREN or external id, a person
 * by email) are resolved by the store when the batch is written.
 */
public final class ImportRows {

    /** A user a cell may name, by username or email (compared in lower case). */
    public record UserRef(long id, String username, String email, Department department) {
    }

    /** The row's original cells, its line, and either the row to write or why it is refused. */
    public record Checked<T>(long line, List<String> cells, T row, List<RowError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public record CompanyRow(long line, String externalId, String name, String legalId, String sector,
                             CompanySize size, String street, String postalCode, String city, String country,
                             String website, String phone, CompanyStatus status, Long ownerId, String notes) {
        /** The keys that find it again: its external id, its SIREN. */
        public List<String> keys() {
            List<String> keys = new ArrayList<>(2);
            if (externalId != null) {
                keys.add("x:" + externalId);
            }
            if (legalId != null) {
                keys.add("s:" + legalId.substring(0, 9));
            }
            return keys;
        }
    }

    public record PersonRow(long line, String externalId, String companyRef, Civility civility, String firstName,
                            String lastName, String jobTitle, String email, String phone, String mobile, String city,
                            String language) {
        public List<String> keys() {
            List<String> keys = new ArrayList<>(2);
            if (externalId != null) {
                keys.add("x:" + externalId);
            }
            if (email != null) {
                keys.add("e:" + email);
            }
            return keys;
        }
    }

    public record InteractionRow(long line, Instant occurredAt, long authorId, Department authorDepartment,
                                 Channel channel, Direction direction, String companyRef, String personEmail,
                                 String subject, String summary) {
    }

    public static final int MAX_EXTERNAL_ID = 100;

    private static final Map<String, CompanyStatus> STATUS_WORDS = Map.of(
            "prospect", CompanyStatus.PROSPECT, "client", CompanyStatus.CUSTOMER, "customer", CompanyStatus.CUSTOMER,
            "ancien client", CompanyStatus.FORMER_CUSTOMER, "former customer", CompanyStatus.FORMER_CUSTOMER,
            "ex client", CompanyStatus.FORMER_CUSTOMER, "perdu", CompanyStatus.FORMER_CUSTOMER,
            "actif", CompanyStatus.CUSTOMER, "active", CompanyStatus.CUSTOMER);
    private static final Map<String, CompanySize> SIZE_WORDS = Map.ofEntries(
            Map.entry("tpe", CompanySize.MICRO), Map.entry("micro", CompanySize.MICRO),
            Map.entry("micro entreprise", CompanySize.MICRO), Map.entry("pme", CompanySize.SMALL),
            Map.entry("petite", CompanySize.SMALL), Map.entry("small", CompanySize.SMALL),
            Map.entry("eti", CompanySize.MEDIUM), Map.entry("moyenne", CompanySize.MEDIUM),
            Map.entry("medium", CompanySize.MEDIUM), Map.entry("ge", CompanySize.LARGE),
            Map.entry("grande", CompanySize.LARGE), Map.entry("grande entreprise", CompanySize.LARGE),
            Map.entry("large", CompanySize.LARGE));
    private static final Map<String, Civility> CIVILITY_WORDS = Map.of(
            "m", Civility.MR, "mr", Civility.MR, "monsieur", Civility.MR, "mme", Civility.MRS,
            "madame", Civility.MRS, "mrs", Civility.MRS, "ms", Civility.MRS, "mlle", Civility.MRS,
            "miss", Civility.MRS);
    private static final Map<String, Channel> CHANNEL_WORDS = Map.ofEntries(
            Map.entry("telephone", Channel.PHONE), Map.entry("tel", Channel.PHONE), Map.entry("appel", Channel.PHONE),
            Map.entry("call", Channel.PHONE), Map.entry("phone", Channel.PHONE), Map.entry("e mail", Channel.EMAIL),
            Map.entry("mail", Channel.EMAIL), Map.entry("courriel", Channel.EMAIL), Map.entry("email", Channel.EMAIL),
            Map.entry("reunion", Channel.MEETING), Map.entry("rendez vous", Channel.MEETING),
            Map.entry("rdv", Channel.MEETING), Map.entry("meeting", Channel.MEETING), Map.entry("visite", Channel.VISIT),
            Map.entry("visit", Channel.VISIT), Map.entry("chat", Channel.CHAT), Map.entry("courrier", Channel.LETTER),
            Map.entry("lettre", Channel.LETTER), Map.entry("letter", Channel.LETTER),
            Map.entry("reseaux sociaux", Channel.SOCIAL), Map.entry("reseau social", Channel.SOCIAL),
            Map.entry("social", Channel.SOCIAL), Map.entry("sms", Channel.SMS), Map.entry("texto", Channel.SMS));
    private static final Map<String, Direction> DIRECTION_WORDS = Map.of(
            "entrant", Direction.INBOUND, "recu", Direction.INBOUND, "inbound", Direction.INBOUND, "in", Direction.INBOUND,
            "sortant", Direction.OUTBOUND, "emis", Direction.OUTBOUND, "outbound", Direction.OUTBOUND,
            "out", Direction.OUTBOUND);

    private final ImportKind kind;
    private final ColumnMapping mapping;
    private final List<String> headers;
    private final Map<String, UserRef> users;
    private final UserRef importer;
    private final ZoneId zone;

    public ImportRows(ImportKind kind, ColumnMapping mapping, List<String> headers, List<UserRef> users,
                      UserRef importer, ZoneId zone) {
        this.kind = kind;
        this.mapping = mapping;
        this.headers = headers;
        this.users = new HashMap<>();
        for (UserRef user : users) {
            this.users.put(user.username().toLowerCase(Locale.ROOT), user);
            if (user.email() != null) {
                this.users.put(user.email().toLowerCase(Locale.ROOT), user);
            }
        }
        this.importer = importer;
        this.zone = zone;
    }

    /** The row of the file at {@code line} (the header being line 1), its cells as read. */
    public Checked<?> check(long line, List<String> cells) {
        Cells row = new Cells(line, cells);
        Object checked = switch (kind) {
            case COMPANIES -> company(row);
            case PEOPLE -> person(row);
            case INTERACTIONS -> interaction(row);
        };
        return new Checked<>(line, cells, row.errors.isEmpty() ? checked : null, List.copyOf(row.errors));
    }

    private CompanyRow company(Cells row) {
        String externalId = row.text(ImportField.COMPANY_EXTERNAL_ID, MAX_EXTERNAL_ID);
        CompanyStatus status = row.choice(ImportField.COMPANY_STATUS, CompanyStatus.class, STATUS_WORDS);
        CompanySize size = row.choice(ImportField.COMPANY_SIZE, CompanySize.class, SIZE_WORDS);
        UserRef owner = row.user(ImportField.COMPANY_OWNER);
        CompanyDetails asked = new CompanyDetails(row.raw(ImportField.COMPANY_NAME),
                row.raw(ImportField.COMPANY_LEGAL_ID), row.raw(ImportField.COMPANY_SECTOR), size,
                row.raw(ImportField.COMPANY_STREET), row.raw(ImportField.COMPANY_POSTAL_CODE),
                row.raw(ImportField.COMPANY_CITY), row.raw(ImportField.COMPANY_COUNTRY),
                row.raw(ImportField.COMPANY_WEBSITE), row.raw(ImportField.COMPANY_PHONE),
                status == null ? CompanyStatus.PROSPECT : status, owner == null ? importer.id() : owner.id(),
                row.raw(ImportField.COMPANY_NOTES));
        CompanyDetails d;
        try {
            d = new Company(asked, Instant.EPOCH).details();
        } catch (RuleViolation broken) {
            row.refused(broken);
            return null;
        }
        return new CompanyRow(row.line, externalId, d.name(), d.legalId(), d.sector(), d.size(), d.street(),
                d.postalCode(), d.city(), d.country(), d.website(), d.phone(), status,
                owner == null ? null : owner.id(), d.notes());
    }

    private PersonRow person(Cells row) {
        String externalId = row.text(ImportField.PERSON_EXTERNAL_ID, MAX_EXTERNAL_ID);
        String companyRef = row.text(ImportField.PERSON_COMPANY, MAX_EXTERNAL_ID);
        Civility civility = row.choice(ImportField.PERSON_CIVILITY, Civility.class, CIVILITY_WORDS);
        String language = row.raw(ImportField.PERSON_LANGUAGE);
        ContactDetails asked = new ContactDetails(civility, row.raw(ImportField.PERSON_FIRST_NAME),
                row.raw(ImportField.PERSON_LAST_NAME), null, row.raw(ImportField.PERSON_JOB_TITLE),
                row.raw(ImportField.PERSON_EMAIL), row.raw(ImportField.PERSON_PHONE),
                row.raw(ImportField.PERSON_MOBILE), row.raw(ImportField.PERSON_CITY), null,
                language == null ? null : language.strip().toLowerCase(Locale.ROOT), null, null, null, null);
        ContactDetails d;
        try {
            d = Contact.privateCustomer(asked, Instant.EPOCH).details();
        } catch (RuleViolation broken) {
            row.refused(broken);
            return null;
        }
        return new PersonRow(row.line, externalId, companyRef, civility, d.firstName(), d.lastName(), d.jobTitle(),
                d.email(), d.phone(), d.mobile(), d.city(), d.language());
    }

    private InteractionRow interaction(Cells row) {
        Instant occurredAt = null;
        String when = row.raw(ImportField.INTERACTION_DATE);
        if (when == null || when.isBlank()) {
            row.error(ImportField.INTERACTION_DATE, RuleViolation.REQUIRED);
        } else {
            LocalDateTime local = CsvValues.dateTime(when).orElse(null);
            if (local == null) {
                row.error(ImportField.INTERACTION_DATE, "import.error.date", when.strip());
            } else {
                occurredAt = local.atZone(zone).toInstant();
            }
        }
        UserRef author = row.user(ImportField.INTERACTION_AUTHOR);
        Channel channel = row.choice(ImportField.INTERACTION_CHANNEL, Channel.class, CHANNEL_WORDS);
        if (channel == null && !row.has(ImportField.INTERACTION_CHANNEL)) {
            row.error(ImportField.INTERACTION_CHANNEL, RuleViolation.REQUIRED);
        }
        Direction direction = row.choice(ImportField.INTERACTION_DIRECTION, Direction.class, DIRECTION_WORDS);
        String companyRef = row.text(ImportField.INTERACTION_COMPANY, MAX_EXTERNAL_ID);
        String person = row.text(ImportField.INTERACTION_PERSON, Contact.MAX_EMAIL);
        if (companyRef == null && person == null && row.errors.isEmpty()) {
            row.error(mapping.has(ImportField.INTERACTION_COMPANY) ? ImportField.INTERACTION_COMPANY
                    : ImportField.INTERACTION_PERSON, "import.error.noClient");
        }
        String subject = row.field(ImportField.INTERACTION_SUBJECT,
                () -> Text.required(row.raw(ImportField.INTERACTION_SUBJECT), Interaction.MAX_SUBJECT, "subject"));
        String summary = row.field(ImportField.INTERACTION_SUMMARY,
                () -> Text.optional(row.raw(ImportField.INTERACTION_SUMMARY), Interaction.MAX_SUMMARY, "summary"));
        if (!row.errors.isEmpty()) {
            return null;
        }
        UserRef by = author == null ? importer : author;
        return new InteractionRow(row.line, occurredAt, by.id(), by.department(), channel,
                direction == null ? Direction.OUTBOUND : direction, companyRef,
                person == null ? null : person.toLowerCase(Locale.ROOT), subject, summary);
    }

    /** The cells of one row, read through the mapping, and the errors found so far. */
    private final class Cells {
        final long line;
        final List<String> cells;
        final List<RowError> errors = new ArrayList<>();

        Cells(long line, List<String> cells) {
            this.line = line;
            this.cells = cells;
        }

        String raw(ImportField field) {
            Integer column = mapping.column(field);
            if (column == null || column >= cells.size()) {
                return null;
            }
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value;
        }

        boolean has(ImportField field) {
            return raw(field) != null;
        }

        String header(ImportField field) {
            Integer column = mapping.column(field);
            return column == null || column >= headers.size() ? null : headers.get(column);
        }

        void error(ImportField field, String code, Object... args) {
            errors.add(new RowError(line, header(field), code, List.of(args)));
        }

        String text(ImportField field, int max) {
            return field(field, () -> Text.optional(raw(field), max, field.key()));
        }

        <T> T field(ImportField field, java.util.function.Supplier<T> value) {
            try {
                return value.get();
            } catch (RuleViolation broken) {
                refused(broken);
                return null;
            }
        }

        <E extends Enum<E>> E choice(ImportField field, Class<E> type, Map<String, E> words) {
            String value = raw(field);
            if (value == null) {
                return null;
            }
            E found = CsvValues.choice(value, type, words).orElse(null);
            if (found == null) {
                error(field, "import.error.choice", value.strip());
            }
            return found;
        }

        UserRef user(ImportField field) {
            String value = raw(field);
            if (value == null) {
                return null;
            }
            UserRef user = users.get(value.strip().toLowerCase(Locale.ROOT));
            if (user == null) {
                error(field, "import.error.user", value.strip());
            }
            return user;
        }

        /** The aggregate's refusal, each broken rule on the column of its field. */
        void refused(RuleViolation violation) {
            for (RuleViolation.Broken b : violation.broken()) {
                ImportField field = kind.fields().stream().filter(f -> f.key().equals(b.field())).findFirst()
                        .orElse(null);
                errors.add(new RowError(line, field == null ? null : header(field), b.code(), b.args()));
            }
        }
    }
}
