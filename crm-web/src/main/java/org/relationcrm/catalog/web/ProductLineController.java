package org.relationcrm.catalog.web;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.relationcrm.catalog.ProductLineAdmin;
import org.relationcrm.team.web.CurrentUser;
import org.relationcrm.shared.StaleEditException;

/** The catalogue of product lines (ADMIN) and the lines a customer holds (ADV). */
@Controller
class ProductLineController {

    private final ProductLineAdmin admin;

    ProductLineController(ProductLineAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/admin/product-lines")
    String list(Model model) {
        model.addAttribute("lines", admin.all());
        return "admin/product-lines";
    }

    @PostMapping("/admin/product-lines")
    String create(@RequestParam String code, @RequestParam String name,
                  @RequestParam(required = false) String description, @AuthenticationPrincipal CurrentUser me,
                  RedirectAttributes redirect) {
        try {
            admin.create(code, name, description, me.actor());
            redirect.addFlashAttribute("flash", "flash.productLine.created");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("feedbackError", "productLine.error.invalid");
        }
        return "redirect:/admin/product-lines";
    }

    @PostMapping("/admin/product-lines/{id}")
    String update(@PathVariable long id, @RequestParam long version, @RequestParam String name,
                  @RequestParam(required = false) String description,
                  @RequestParam(defaultValue = "false") boolean active, @AuthenticationPrincipal CurrentUser me,
                  RedirectAttributes redirect) {
        try {
            admin.rename(id, version, name, description, active, me.actor());
            redirect.addFlashAttribute("flash", "flash.productLine.saved");
        } catch (StaleEditException | OptimisticLockingFailureException e) {
            // saved meanwhile by someone else: the list shows the line as it is now
            redirect.addFlashAttribute("feedbackError", "productLine.error.conflict");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("feedbackError", "productLine.error.invalid");
        }
        return "redirect:/admin/product-lines";
    }

    @PostMapping("/clients/{companyId}/product-lines")
    String hold(@PathVariable long companyId, @RequestParam long lineId, @AuthenticationPrincipal CurrentUser me,
                RedirectAttributes redirect) {
        admin.hold(companyId, lineId, me.actor());
        redirect.addFlashAttribute("flash", "flash.productLine.held");
        return "redirect:/clients/" + companyId + "#feedback-lines";
    }

    @PostMapping("/clients/{companyId}/product-lines/{lineId}/remove")
    String release(@PathVariable long companyId, @PathVariable long lineId, @AuthenticationPrincipal CurrentUser me,
                   RedirectAttributes redirect) {
        admin.release(companyId, lineId, me.actor());
        redirect.addFlashAttribute("flash", "flash.productLine.released");
        return "redirect:/clients/" + companyId + "#feedback-lines";
    }
}
