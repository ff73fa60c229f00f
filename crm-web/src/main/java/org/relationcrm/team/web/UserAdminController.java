package org.relationcrm.team.web;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.relationcrm.shared.Department;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Permission;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/** Users and roles: the administrator's page. Secured by ADMINISTER_USERS in SecurityConfig. */
@Controller
class UserAdminController {

    private final UserService users;

    UserAdminController(UserService users) {
        this.users = users;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("users", users.all());
        return "admin/users";
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        model.addAttribute("form", UserForm.blank());
        return newForm(model);
    }

    @PostMapping("/admin/users")
    String create(@Valid @ModelAttribute("form") UserForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        // a taken name or email is said with the other mistakes, not after they are fixed
        rejectTaken(form.username(), form.email(), null, errors);
        if (errors.hasErrors()) {
            return newForm(model);
        }
        try {
            users.create(form.username(), form.password(), form.fullName(), form.email(), form.role(),
                    form.department());
        } catch (UserService.DuplicateUsernameException e) {
            errors.rejectValue("username", "user.username.taken");
            return newForm(model);
        } catch (UserService.DuplicateEmailException e) {
            errors.rejectValue("email", "user.email.taken");
            return newForm(model);
        }
        redirect.addFlashAttribute("flash", "flash.user.created");
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/users/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        User user = users.get(id);
        model.addAttribute("user", user);
        model.addAttribute("form", UserEditForm.of(user));
        return editForm(model);
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") UserEditForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        User user = users.get(id);
        model.addAttribute("user", user);
        // an administrator cannot lock themselves out: they keep a role that administers users
        if (id == me.id() && (!form.isEnabled() || form.role() == null
                || !form.role().grants(Permission.ADMINISTER_USERS))) {
            errors.reject("user.self.lockout");
        }
        rejectTaken(form.username(), form.email(), id, errors);
        if (errors.hasErrors()) {
            return editForm(model);
        }
        try {
            users.update(id, form.version(), form.changes());
        } catch (StaleEditException | OptimisticLockingFailureException e) {
            return conflict(id, errors, model);
        } catch (UserService.DuplicateUsernameException e) {
            errors.rejectValue("username", "user.username.taken");
            return editForm(model);
        } catch (UserService.DuplicateEmailException e) {
            errors.rejectValue("email", "user.email.taken");
            return editForm(model);
        }
        redirect.addFlashAttribute("flash", "flash.user.saved");
        return "redirect:/admin/users";
    }

    /**
     * A new password made up for the user and shown once on the answer page (never stored in clear, nor put in a
     * flash message that would sit in the session): the user's sessions end and they must choose their own at the
     * next sign-in.
     */
    @PostMapping("/admin/users/{id}/password-reset")
    String resetPassword(@PathVariable long id, @RequestParam long version, Model model,
                         RedirectAttributes redirect) {
        User user = users.get(id);
        try {
            model.addAttribute("temporaryPassword", users.resetPassword(id, version));
        } catch (StaleEditException | OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("flash", "flash.user.resetConflict");
            return "redirect:/admin/users/" + id + "/edit";
        }
        model.addAttribute("user", user);
        return "admin/user-password-reset";
    }

    private void rejectTaken(String username, String email, Long userId, BindingResult errors) {
        if (!errors.hasFieldErrors("username") && users.usernameTaken(username, userId)) {
            errors.rejectValue("username", "user.username.taken");
        }
        if (!errors.hasFieldErrors("email") && users.emailTaken(email, userId)) {
            errors.rejectValue("email", "user.email.taken");
        }
    }

    private String conflict(long id, BindingResult errors, Model model) {
        errors.reject("edit.conflict");
        model.addAttribute("currentVersion", users.get(id).version());
        return editForm(model);
    }

    private String newForm(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("departments", Department.values());
        return "admin/user-new";
    }

    private String editForm(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("departments", Department.values());
        return "admin/user-edit";
    }
}
