package org.relationcrm.order.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.relationcrm.catalog.ProductLineAdmin;
import org.relationcrm.client.ClientRecordService;
import org.relationcrm.client.ContactCard;
import org.relationcrm.order.CancelReason;
import org.relationcrm.order.Order;
import org.relationcrm.order.OrderCursor;
import org.relationcrm.order.OrderReadService;
import org.relationcrm.order.OrderService;
import org.relationcrm.order.OrderStatus;
import org.relationcrm.order.PaymentTerms;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.shared.web.FormErrors;
import org.relationcrm.team.web.CurrentUser;

/**
 * A client's orders, an order's page with the moves it allows now, and the order form (new, from a won deal, or
 * edited before shipping). Reading is for everyone; the order desk (and the administrator) changes orders; a sales
 * rep passes the order of a won deal of theirs to the order desk.
 */
@Controller
class OrderController {

    static final String ALREADY_DONE = "error/already-done";

    private final OrderService orders;
    private final OrderReadService reads;
    private final ClientRecordService records;
    private final OpportunityService opportunities;
    private final ProductLineAdmin catalog;
    private final Clock clock;

    OrderController(OrderService orders, OrderReadService reads, ClientRecordService records,
                    OpportunityService opportunities, ProductLineAdmin catalog, Clock clock) {
        this.orders = orders;
        this.reads = reads;
        this.records = records;
        this.opportunities = opportunities;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A client's orders, newest first; {@code after}: where the next page starts (htmx: the rows alone). */
    @GetMapping("/clients/{companyId}/orders")
    String list(@PathVariable long companyId, @RequestParam(required = false) String after,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("client", records.companyCard(companyId));
        model.addAttribute("page", reads.ofCompany(companyId, OrderCursor.parse(after)));
        return htmx != null && after != null ? "orders/list :: rows" : "orders/list";
    }

    /** The order form; from a won deal ({@code deal}), its person and lines are filled in. */
    @GetMapping("/clients/{companyId}/orders/new")
    String newOrder(@PathVariable long companyId, @RequestParam(required = false) Long deal,
                    @AuthenticationPrincipal CurrentUser me, Model model) {
        if (!orders.mayPlaceFromDeal(deal, me.actor())) { // a sales rep: only from a won deal of theirs
            throw new ForbiddenActionException("only the order of a won deal one manages");
        }
        List<ContactCard> people = records.peopleForForm(companyId);
        Long primary = people.stream().filter(ContactCard::primaryContact).map(ContactCard::id).findFirst()
                .orElse(null);
        LocalDate today = LocalDate.now(clock);
        OrderForm form = OrderForm.blank(today, primary);
        if (deal != null) {
            Opportunity won = opportunities.load(deal);
            if (won.companyId() != companyId || won.stage() != Stage.WON) {
                throw new NotFoundException("Won deal", deal);
            }
            Long person = won.contactIds().stream().sorted().findFirst().orElse(primary);
            form = OrderForm.ofDeal(won, today, person);
            model.addAttribute("dealTitle", won.title());
        }
        model.addAttribute("form", form);
        return form(companyId, null, people, model);
    }

    @PostMapping("/clients/{companyId}/orders")
    String place(@PathVariable long companyId, @Valid @ModelAttribute("form") OrderForm form, BindingResult errors,
                 @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        if (!orders.mayPlaceFromDeal(form.opportunityId(), me.actor())) {
            throw new ForbiddenActionException("only the order of a won deal one manages");
        }
        if (!errors.hasErrors()) {
            try {
                Order order = orders.place(companyId, form.toDetails(), me.actor());
                redirect.addFlashAttribute("flash", "flash.order.placed");
                return "redirect:/orders/" + order.id();
            } catch (RuleViolation broken) {
                FormErrors.show(broken, errors);
            }
        }
        form.padded();
        return form(companyId, null, records.peopleForForm(companyId), model);
    }

    @GetMapping("/orders/{id}/edit")
    String edit(@PathVariable long id, Model model, HttpServletResponse response) {
        Order order = orders.page(id).order();
        if (!order.status().editable()) {
            return alreadyDone(id, model, response);
        }
        model.addAttribute("form", OrderForm.of(order));
        return form(order.companyId(), order, records.peopleForForm(order.companyId()), model);
    }

    @PostMapping("/orders/{id}")
    String revise(@PathVariable long id, @Valid @ModelAttribute("form") OrderForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser me, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Order order = orders.get(id);
        if (!errors.hasErrors()) {
            try {
                orders.revise(id, form.version() == null ? -1 : form.version(), form.toDetails(), me.actor());
                redirect.addFlashAttribute("flash", "flash.order.saved");
                return "redirect:/orders/" + id;
            } catch (RuleViolation broken) {
                FormErrors.show(broken, errors);
            } catch (StaleEditException | OptimisticLockingFailureException e) {
                errors.reject("order.stale");
            } catch (IllegalStateException e) {
                return alreadyDone(id, model, response);
            }
        }
        form.padded();
        return form(order.companyId(), order, records.peopleForForm(order.companyId()), model);
    }

    /** An order's page: its lines, delivery and invoice, and for the order desk the moves it allows now. */
    @GetMapping("/orders/{id}")
    String detail(@PathVariable long id, Model model) {
        var page = orders.page(id);
        model.addAttribute("page", page);
        model.addAttribute("o", page.order());
        if (!model.containsAttribute("step")) {
            model.addAttribute("step", new StepForm(null, LocalDate.now(clock), null, page.order().version()));
        }
        if (!model.containsAttribute("cancel")) {
            model.addAttribute("cancel", new CancelForm(null, null, page.order().version()));
        }
        model.addAttribute("cancelReasons", CancelReason.values());
        return "orders/detail";
    }

    /** Moves the order one step on (confirmed, shipped, delivered, invoiced, paid), on the version seen. */
    @PostMapping("/orders/{id}/status")
    String step(@PathVariable long id, @Valid @ModelAttribute("step") StepForm form, BindingResult errors,
                @AuthenticationPrincipal CurrentUser me, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            long version = form.version();
            try {
                orders.moveTo(id, version, form.to(), form.on(), form.incident(), me.actor());
                redirect.addFlashAttribute("flash", "flash.order." + form.to().name());
                return "redirect:/orders/" + id;
            } catch (RuleViolation broken) {
                FormErrors.show(broken, errors);
            } catch (StaleEditException | OptimisticLockingFailureException | IllegalStateException e) {
                return alreadyDone(id, model, response);
            }
        }
        orders.get(id); // a 404 for an order that does not exist
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return detail(id, model);
    }

    @PostMapping("/orders/{id}/cancel")
    String cancel(@PathVariable long id, @Valid @ModelAttribute("cancel") CancelForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser me, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                orders.cancel(id, form.version(), form.reason(), form.note(), me.actor());
                redirect.addFlashAttribute("flash", "flash.order.CANCELLED");
                return "redirect:/orders/" + id;
            } catch (RuleViolation broken) {
                FormErrors.show(broken, errors);
            } catch (StaleEditException | OptimisticLockingFailureException | IllegalStateException e) {
                return alreadyDone(id, model, response);
            }
        }
        orders.get(id);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return detail(id, model);
    }

    /** The order moved on meanwhile (a colleague, another tab, a double click): nothing was done twice. */
    private String alreadyDone(long id, Model model, HttpServletResponse response) {
        model.addAttribute("doneKey", "done.order");
        model.addAttribute("backUrl", "/orders/" + id);
        model.addAttribute("backKey", "done.order.back");
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        return ALREADY_DONE;
    }

    private String form(long companyId, Order order, List<ContactCard> people, Model model) {
        model.addAttribute("client", records.companyCard(companyId));
        model.addAttribute("order", order);
        model.addAttribute("people", people);
        model.addAttribute("productLines", catalog.all());
        model.addAttribute("paymentTerms", PaymentTerms.values());
        model.addAttribute("statuses", OrderStatus.values());
        return "orders/form";
    }
}
