package org.relationcrm.team.web;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.ui.Model;

import org.relationcrm.team.UserService;

/**
 * Every user changes their own password (the first administrator's generated one first of all). The current
 * password is asked again; once the new one is saved, every session of the user ends and they sign in with it.
 */
@Controller
class PasswordController {

    private final UserService users;
    private final PasswordEncoder passwords;

    PasswordController(UserService users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    @GetMapping("/profile/password")
    String form(Model model) {
        model.addAttribute("form", PasswordChangeForm.blank());
        return "profile/password";
    }

    @PostMapping("/profile/password")
    String change(@Valid @ModelAttribute("form") PasswordChangeForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser me) {
        if (!errors.hasFieldErrors("currentPassword")
                && !passwords.matches(form.currentPassword(), users.get(me.id()).passwordHash())) {
            errors.rejectValue("currentPassword", "profile.password.currentWrong");
        }
        if (!errors.hasFieldErrors("confirmation") && form.newPassword() != null
                && !form.newPassword().equals(form.confirmation())) {
            errors.rejectValue("confirmation", "profile.password.mismatch");
        }
        if (errors.hasErrors()) {
            return "profile/password";
        }
        users.changePassword(me.id(), form.newPassword());
        return "redirect:/login?passwordChanged";
    }
}
