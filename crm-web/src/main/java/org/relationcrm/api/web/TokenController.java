package org.relationcrm.api.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.relationcrm.api.ApiScope;
import org.relationcrm.api.ApiTokenService;
import org.relationcrm.api.IssuedToken;
import org.relationcrm.team.web.CurrentUser;

/**
 * Each user's personal API tokens, on their profile: created with a name and a scope, the secret shown once (on the
 * page that answers the creation, never stored, never in a redirect or a flash cookie), listed with their last use,
 * revoked in one click.
 */
@Controller
class TokenController {

    private final ApiTokenService tokens;

    TokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @ModelAttribute("scopes")
    ApiScope[] scopes() {
        return ApiScope.values();
    }

    @GetMapping("/profile/tokens")
    String list(Model model, @AuthenticationPrincipal CurrentUser me) {
        model.addAttribute("form", TokenForm.blank());
        return page(model, me);
    }

    @PostMapping("/profile/tokens")
    String create(@Valid @ModelAttribute("form") TokenForm form, BindingResult errors, Model model,
                  @AuthenticationPrincipal CurrentUser me, HttpServletResponse response) {
        if (errors.hasErrors()) {
            return page(model, me);
        }
        IssuedToken issued = tokens.create(form.name(), form.scope(), me.actor());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("issued", issued);
        model.addAttribute("form", TokenForm.blank());
        return page(model, me);
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revoke(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
        tokens.revoke(id, me.actor());
        redirect.addFlashAttribute("flash", "flash.token.revoked");
        return "redirect:/profile/tokens";
    }

    private String page(Model model, CurrentUser me) {
        model.addAttribute("tokens", tokens.mine(me.actor()));
        return "profile/tokens";
    }
}
