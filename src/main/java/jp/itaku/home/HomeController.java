package jp.itaku.home;

import jp.itaku.platform.CurrentActor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page a user lands on after signing in.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("actor", CurrentActor.require());
		return "home";
	}

}
