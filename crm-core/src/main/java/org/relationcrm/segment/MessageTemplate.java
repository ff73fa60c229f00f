package org.relationcrm.segment;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message written once for a whole call list, personalised for each person: {@code {preferredName}} (the name they
 * like to be called by, else their first name), {@code {firstName}}, {@code {lastName}}, {@code {company}},
 * {@code {owner}}. An unknown placeholder stays as typed, so the rep sees it and corrects it. An anonymised person
 * gets no message: there is nobody left to call (their consents ended with the erasure) and no name to put in it.
 */
public record MessageTemplate(String text) {

    public static final int MAX_LENGTH = 2_000;
    public static final String PLACEHOLDERS = "{preferredName} {firstName} {lastName} {company} {owner}";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    public String forPerson(SegmentPerson person) {
        if (text == null || person.anonymised()) {
            return "";
        }
        Map<String, String> values = new java.util.HashMap<>();
        values.put("preferredName", person.callName());
        values.put("firstName", person.firstName() == null ? "" : person.firstName());
        values.put("lastName", person.lastName());
        values.put("company", person.companyName() == null ? "" : person.companyName());
        values.put("owner", person.ownerName() == null ? "" : person.ownerName());
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
