package org.relationcrm.privacy;

import java.time.LocalDate;

/**
 * Why a person may not be erased now: the law (or a dispute) requires keeping what names them.
 *
 * @param refId     the complaint's or the order's id
 * @param reference what the user recognises it by: the complaint's subject, the order's or invoice's number
 * @param since     when it was opened or ordered; for an unpaid invoice, its due date
 */
public record LegalHold(Kind kind, long refId, String reference, LocalDate since) {

    public enum Kind {
        /** A complaint of the person, or of their company, is still open. */
        OPEN_COMPLAINT,
        /** An invoice of their company (or of them, a private customer) is not paid. */
        UNPAID_INVOICE,
        /** An order of theirs is under way: not yet invoiced, nor cancelled. */
        ORDER_UNDER_WAY
    }
}
