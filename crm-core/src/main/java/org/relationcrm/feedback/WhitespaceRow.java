package org.relationcrm.feedback;

import java.util.List;

/**
 * One customer's row of the whitespace matrix: which lines it holds, in catalogue order, and how much breadth is
 * left to sell ({@code opportunity}: the sum, over the lines it lacks, of their adoption among its peers, in %).
 */
public record WhitespaceRow(long companyId, String companyName, List<Long> lineIds, List<Boolean> held, int opportunity) {
}
