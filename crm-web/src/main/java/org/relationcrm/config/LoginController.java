package org.relationcrm.config;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.relationcrm.team.LoginThrottle;

@Controller
class LoginController {

    private final LoginThrottle throttle;

    LoginController(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    /** {@code ?locked}: too many failures (see LoginThrottling); the page says for how long sign-in is refused. */
    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("lockMinutes", Math.max(1, throttle.policy().lockDuration().toMinutes()));
        return "login";
    }
}
