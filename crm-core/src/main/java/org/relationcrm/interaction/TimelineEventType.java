package org.relationcrm.interaction;

import java.util.List;

/**
 * What an event on a client's timeline is. Each type names its structured arguments (stored as such in the entry's
 * {@code event_args}, never as a sentence) in the order its messages use them: the web renders
 * {@code event.<TYPE>} (the badge), {@code event.<TYPE>.text} (the headline) and, for an entry that plans a follow-up,
 * {@code event.<TYPE>.nextStep}, in the reader's language, when the page is shown. The entry links to what it is
 * about ({@link Link}) by its {@code refId}.
 */
public enum TimelineEventType {

    NOTE(Link.NONE),
    OPPORTUNITY_CREATED(Link.OPPORTUNITY, Arg.TITLE, Arg.AMOUNT, Arg.CURRENCY),
    STAGE_CHANGED(Link.OPPORTUNITY, Arg.TITLE, Arg.FROM, Arg.TO),
    OPPORTUNITY_WON(Link.OPPORTUNITY, Arg.TITLE, Arg.AMOUNT, Arg.CURRENCY),
    OPPORTUNITY_LOST(Link.OPPORTUNITY, Arg.TITLE, Arg.REASON),
    CARE_CHECK_IN(Link.OPPORTUNITY, Arg.DAY),
    COMPLAINT_OPENED(Link.COMPLAINT, Arg.NUMBER, Arg.CATEGORY, Arg.SEVERITY, Arg.SUBJECT),
    COMPLAINT_IN_PROGRESS(Link.COMPLAINT, Arg.NUMBER, Arg.SUBJECT),
    COMPLAINT_ESCALATED(Link.COMPLAINT, Arg.NUMBER, Arg.LEVEL, Arg.SUBJECT),
    COMPLAINT_RESOLVED(Link.COMPLAINT, Arg.NUMBER, Arg.SUBJECT),
    COMPLAINT_CLOSED(Link.COMPLAINT, Arg.NUMBER, Arg.SUBJECT),
    COMPLAINT_REOPENED(Link.COMPLAINT, Arg.NUMBER, Arg.SUBJECT),
    SURVEY_SENT(Link.NONE, Arg.SURVEY, Arg.SENT_BY),
    SURVEY_ANSWERED(Link.NONE, Arg.SURVEY, Arg.SCORE, Arg.MAX, Arg.PERSON),
    PRODUCT_LINE_HELD(Link.NONE, Arg.LINE),
    PRODUCT_LINE_RELEASED(Link.NONE, Arg.LINE),
    ORDER_PLACED(Link.ORDER, Arg.NUMBER, Arg.AMOUNT, Arg.CURRENCY),
    ORDER_CONFIRMED(Link.ORDER, Arg.NUMBER, Arg.AMOUNT, Arg.CURRENCY),
    ORDER_SHIPPED(Link.ORDER, Arg.NUMBER),
    ORDER_DELIVERED(Link.ORDER, Arg.NUMBER),
    ORDER_DELIVERED_LATE(Link.ORDER, Arg.NUMBER, Arg.LATE_DAYS),
    ORDER_INVOICED(Link.ORDER, Arg.NUMBER, Arg.AMOUNT, Arg.CURRENCY),
    ORDER_PAID(Link.ORDER, Arg.NUMBER, Arg.AMOUNT, Arg.CURRENCY),
    ORDER_CANCELLED(Link.ORDER, Arg.NUMBER, Arg.CANCEL_REASON),
    REQUEST_SENT(Link.REQUEST, Arg.REQUESTER, Arg.RECEIVER, Arg.REQUEST_KIND),
    REQUEST_INFORMATION_ASKED(Link.REQUEST, Arg.ANSWERER, Arg.ASKER, Arg.REQUEST_KIND),
    REQUEST_DONE(Link.REQUEST, Arg.ANSWERER, Arg.ASKER, Arg.HOURS, Arg.REQUEST_KIND),
    REQUEST_DECLINED(Link.REQUEST, Arg.ANSWERER, Arg.ASKER, Arg.REQUEST_KIND),
    /** A call planned from a segment's call list (the note holds the message personalised for the person). */
    CALL_PLANNED(Link.NONE, Arg.PERSON, Arg.SEGMENT),
    /** Another record of the company (its name and old number) was merged into this one; refId: the merge. */
    COMPANY_MERGED(Link.NONE, Arg.COMPANY, Arg.NUMBER),
    /** A merge was undone; the arguments name the other company of the merge. refId: the merge. */
    COMPANY_MERGE_UNDONE(Link.NONE, Arg.COMPANY, Arg.NUMBER),
    /** Another record of the same person (their name and old number) was merged into this one; refId: the merge. */
    PERSON_MERGED(Link.NONE, Arg.PERSON, Arg.NUMBER),
    /** A merge of two people was undone; the arguments name the person put back. refId: the merge. */
    PERSON_MERGE_UNDONE(Link.NONE, Arg.PERSON, Arg.NUMBER);

    /** What the entry's {@code refId} points to. */
    public enum Link { NONE, OPPORTUNITY, COMPLAINT, ORDER, REQUEST }

    /**
     * The argument names, as stored in {@code event_args}. Values are strings: codes of enums (a stage, a lost
     * reason, a category…), plain numbers, or names users gave (a deal's title, a product line's, a person's).
     */
    public static final class Arg {
        public static final String TITLE = "title";
        public static final String AMOUNT = "amount";
        public static final String CURRENCY = "currency";
        public static final String FROM = "from";
        public static final String TO = "to";
        public static final String REASON = "reason";
        public static final String DAY = "day";
        public static final String NUMBER = "number";
        public static final String CATEGORY = "category";
        public static final String SEVERITY = "severity";
        public static final String LEVEL = "level";
        public static final String SUBJECT = "subject";
        public static final String SURVEY = "survey";
        public static final String SENT_BY = "sentBy";
        public static final String SCORE = "score";
        public static final String MAX = "max";
        public static final String LINE = "line";
        public static final String PERSON = "person";
        /** Days after the promised date (a number). */
        public static final String LATE_DAYS = "lateDays";
        /** An order's cancel reason (a code). */
        public static final String CANCEL_REASON = "cancelReason";
        /** A request's departments, named by their part in the sentence: who asked, who was asked, who answered. */
        public static final String REQUESTER = "requester";
        public static final String RECEIVER = "receiver";
        public static final String ANSWERER = "answerer";
        public static final String ASKER = "asker";
        public static final String REQUEST_KIND = "requestKind";
        /** A company's name (the other company of a merge). */
        public static final String COMPANY = "company";
        /** Working hours, rounded. */
        public static final String HOURS = "hours";
        /** The name of a segment (a call list's). */
        public static final String SEGMENT = "segment";

        private Arg() {
        }
    }

    private final Link link;
    private final List<String> args;

    TimelineEventType(Link link, String... args) {
        this.link = link;
        this.args = List.of(args);
    }

    public Link link() {
        return link;
    }

    /** The argument names, in the order of the message's {@code {0}}, {@code {1}}… */
    public List<String> args() {
        return args;
    }

    /** The badge: {@code event.<TYPE>}. */
    public String messageKey() {
        return "event." + name();
    }

    /** The headline, with the arguments: {@code event.<TYPE>.text}. */
    public String textKey() {
        return messageKey() + ".text";
    }

    /** The follow-up the entry plans, with the same arguments: {@code event.<TYPE>.nextStep}. */
    public String nextStepKey() {
        return messageKey() + ".nextStep";
    }
}
