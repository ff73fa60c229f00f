package org.relationcrm.api;

import java.util.Optional;

import org.relationcrm.api.ApiResources.CompanyResource;
import org.relationcrm.api.ApiResources.ComplaintResource;
import org.relationcrm.api.ApiResources.DealResource;
import org.relationcrm.api.ApiResources.InteractionResource;
import org.relationcrm.api.ApiResources.OrderResource;
import org.relationcrm.api.ApiResources.PersonResource;
import org.relationcrm.api.ApiResources.RequestResource;

/**
 * The API's read model, in SQL (crm-persistence): each list is one keyset statement ({@code id > after order by id
 * limit n + 1}), never a count; each record is read by the same statement as its list's rows.
 */
public interface ApiQueries {

    int MAX_LIMIT = 200;

    ApiPage<CompanyResource> companies(ApiFilter filter, long after, int limit);

    Optional<CompanyResource> company(long id);

    ApiPage<PersonResource> people(ApiFilter filter, long after, int limit);

    Optional<PersonResource> person(long id);

    ApiPage<InteractionResource> interactions(ApiFilter filter, long after, int limit);

    Optional<InteractionResource> interaction(long id);

    ApiPage<DealResource> deals(ApiFilter filter, long after, int limit);

    Optional<DealResource> deal(long id);

    ApiPage<ComplaintResource> complaints(ApiFilter filter, long after, int limit);

    Optional<ComplaintResource> complaint(long id);

    ApiPage<OrderResource> orders(ApiFilter filter, long after, int limit);

    Optional<OrderResource> order(long id);

    ApiPage<RequestResource> requests(ApiFilter filter, long after, int limit);

    Optional<RequestResource> request(long id);
}
