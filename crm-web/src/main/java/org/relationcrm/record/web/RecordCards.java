package org.relationcrm.record.web;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import org.relationcrm.feedback.web.FeedbackCards;
import org.relationcrm.order.web.OrderCards;
import org.relationcrm.pipeline.web.PipelineCards;
import org.relationcrm.team.Permission;
import org.relationcrm.team.web.CurrentUser;

/**
 * Composes the 360° page's cards of the other features: asks each for its read model before rendering, so the
 * templates only render what is in the model (no bean is called for data during rendering). The deals and orders
 * cards come as HTML, rendered once per what they show and reused.
 */
@Component
class RecordCards {

    private final PipelineCards pipeline;
    private final FeedbackCards feedback;
    private final OrderCards orders;

    RecordCards(PipelineCards pipeline, FeedbackCards feedback, OrderCards orders) {
        this.pipeline = pipeline;
        this.feedback = feedback;
        this.orders = orders;
    }

    void addTo(Model model, long companyId, CurrentUser me) {
        model.addAttribute("pipelineCard", pipeline.html(companyId, me.can(Permission.MANAGE_DEALS)));
        model.addAttribute("feedbackCard", feedback.of(companyId));
        model.addAttribute("orderCard", orders.html(companyId, me.can(Permission.MANAGE_ORDERS)));
    }
}
