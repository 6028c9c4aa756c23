package com.recoverydesk.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages are static files; these give them their plain addresses. */
@Controller
class PagesController {

    @GetMapping("/desk")
    String desk() {
        return "redirect:/desk/";
    }

    @GetMapping("/desk/")
    String deskPage() {
        return "forward:/desk/index.html";
    }
}
