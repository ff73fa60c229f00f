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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.relationcrm.shared.Department;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Permission;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/** Users and roles: the administrator's page. Secured for ADMIN in SecurityConfig. */
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
        if (errors.hasErrors()) {
            return newForm(model);
        }
        try {
            users.create(form.username(), form.password(), form.fullName(), form.role(), form.department());
        } catch (UserService.DuplicateUsernameException e) {
            errors.rejectValue("username", "user.username.taken");
            return newForm(model);
        }
        redirect.addFlashAttribute("flash", "flash.user.created");
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/users/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        User user = users.get(id);
        model.addAttribute("user", user);
        model.addAttribute("form", new UserRoleForm(user.role(), user.department(), user.enabled(), user.version()));
        return editForm(model);
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") UserRoleForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        User user = users.get(id);
        model.addAttribute("user", user);
        boolean enabled = Boolean.TRUE.equals(form.enabled());
        // an administrator cannot lock themselves out: they keep a role that administers users
        if (id == me.id() && (!enabled || form.role() == null || !form.role().grants(Permission.ADMINISTER_USERS))) {
            errors.reject("user.self.lockout");
        }
        if (errors.hasErrors()) {
            return editForm(model);
        }
        try {
            users.update(id, form.version(), form.role(), form.department(), enabled);
        } catch (StaleEditException | OptimisticLockingFailureException e) {
            errors.reject("edit.conflict");
            model.addAttribute("currentVersion", users.get(id).version());
            return editForm(model);
        }
        redirect.addFlashAttribute("flash", "flash.user.saved");
        return "redirect:/admin/users";
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
