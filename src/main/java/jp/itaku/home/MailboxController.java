package jp.itaku.home;

import java.util.UUID;

import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.mail.Mailbox;
import jp.itaku.platform.mail.Mailer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The in-app notices (お知らせ): the mails Itaku would have sent the signed-in user while no
 * mail server is configured — reminders of what falls due, incident and finding alerts,
 * approvals ending — each user's own only. Opening one marks it read; the navigation
 * shows the unread count.
 */
@Controller
class MailboxController {

	private final Mailbox mailbox;

	private final Mailer mailer;

	MailboxController(Mailbox mailbox, Mailer mailer) {
		this.mailbox = mailbox;
		this.mailer = mailer;
	}

	@GetMapping("/mailbox")
	String list(Model model) {
		Actor actor = CurrentActor.require();
		model.addAttribute("messages", this.mailbox.list(actor.userId()));
		model.addAttribute("mailConfigured", this.mailer.configured());
		return "mailbox/list";
	}

	@GetMapping("/mailbox/{id}")
	String open(@PathVariable("id") UUID id, Model model) {
		Actor actor = CurrentActor.require();
		model.addAttribute("message",
				this.mailbox.open(actor.userId(), id).orElseThrow(() -> new NotFoundProblem("mailbox.entity")));
		return "mailbox/message";
	}

	@PostMapping("/mailbox/read")
	String markAllRead(RedirectAttributes redirect) {
		this.mailbox.markAllRead(CurrentActor.require().userId());
		redirect.addFlashAttribute("flash", "mailbox.allRead");
		return "redirect:/mailbox";
	}

}
