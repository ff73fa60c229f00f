package org.relationcrm.insight;

/** Sends the weekly summary (the web layer writes it in the subscriber's language). */
public interface SummaryMailer {

    /** Whether the mail was handed to an SMTP server. */
    boolean send(SummarySubscriptions.Subscriber to, InsightDashboard dashboard);
}
