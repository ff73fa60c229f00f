package org.relationcrm.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.relationcrm.client.Civility;
import org.relationcrm.client.CompanySize;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.feedback.ComplaintCategory;
import org.relationcrm.feedback.ComplaintStatus;
import org.relationcrm.feedback.Severity;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.Sentiment;
import org.relationcrm.order.CancelReason;
import org.relationcrm.order.OrderStatus;
import org.relationcrm.order.PaymentTerms;
import org.relationcrm.pipeline.OpportunitySource;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.request.RequestKind;
import org.relationcrm.request.RequestStatus;
import org.relationcrm.request.RequestSubject;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;

/**
 * The records the API serves, as {@link ApiQueries} reads them (one statement per page). Each carries its
 * {@code version}: the API's ETag, asked back in {@code If-Match} by an update.
 */
public final class ApiResources {

    private ApiResources() {
    }

    public record CompanyResource(long id, long version, String name, String legalId, String sector,
                                  CompanySize size, String street, String postalCode, String city, String country,
                                  String website, String phone, CompanyStatus status, long ownerId, String notes,
                                  Instant createdAt, Instant updatedAt) {
    }

    public record PersonResource(long id, long version, Long companyId, boolean primaryContact, Civility civility,
                                 String firstName, String lastName, String preferredName, String jobTitle,
                                 String email, String phone, String mobile, String city, Channel preferredChannel,
                                 String language, String personalNotes, String preferences, boolean consentEmail,
                                 boolean consentPhone, boolean consentSms, boolean consentLetter, Instant createdAt,
                                 Instant updatedAt) {
    }

    public record InteractionResource(long id, long version, Long companyId, List<Long> personIds, Channel channel,
                                      Direction direction, Instant occurredAt, long authorId, String subject,
                                      String summary, String outcome, Sentiment sentiment, String nextStep,
                                      LocalDate nextStepDue, Instant nextStepDoneAt, Instant loggedAt,
                                      Instant updatedAt) {
    }

    public record DealResource(long id, long version, long companyId, String title, BigDecimal amount,
                               String currency, Stage stage, int probability, LocalDate expectedCloseOn,
                               long ownerId, OpportunitySource source, String nextStep, LocalDate nextStepDue,
                               List<Long> personIds, List<Long> productLineIds, Instant createdAt,
                               Instant closedAt, Instant updatedAt) {
    }

    public record ComplaintResource(long id, long version, long companyId, Long personId, Channel channel,
                                    ComplaintCategory category, Severity severity, String subject,
                                    String description, long ownerId, ComplaintStatus status, int escalationLevel,
                                    Instant openedAt, Instant firstResponseDue, Instant resolutionDue,
                                    Instant resolvedAt, Instant closedAt, Instant updatedAt) {
    }

    /** An order, its lines in their order. */
    public record OrderResource(long id, long version, String number, long companyId, Long personId, Long dealId,
                                LocalDate orderedOn, String currency, PaymentTerms paymentTerms,
                                LocalDate promisedOn, BigDecimal total, OrderStatus status, LocalDate shippedOn,
                                LocalDate deliveredOn, String deliveryIncident, String invoiceNumber,
                                LocalDate invoicedOn, LocalDate invoiceDueOn, LocalDate paidOn,
                                CancelReason cancelReason, String cancelNote, long createdBy, Instant createdAt,
                                Instant updatedAt, List<OrderLineResource> lines) {
    }

    /** One line of an order: a product line of the catalogue, how many, at what price, with what discount. */
    public record OrderLineResource(long productLineId, int quantity, BigDecimal unitPrice,
                                    BigDecimal discountPercent) {
    }

    /**
     * A request between departments: about a client (and a deal or a complaint), from the requester's department to
     * another (or a person in it), and where it stands; the answer, the reason of a refusal, the question back and
     * its reply, the rating, as they were written.
     */
    public record RequestResource(long id, long version, long companyId, RequestSubject subject, Long subjectId,
                                  long requesterId, Department fromDepartment, Department toDepartment,
                                  Long toUserId, RequestKind kind, String needed, Instant neededBy,
                                  RequestStatus status, Instant createdAt, Instant dueAt, Long handlerId,
                                  Instant acceptedAt, Instant firstAnswerAt, Boolean withinLevel, Instant closedAt,
                                  String answer, String declineReason, String informationAsked,
                                  String informationGiven, Boolean useful, String ratingComment, Instant ratedAt,
                                  Instant updatedAt) {
    }
}
