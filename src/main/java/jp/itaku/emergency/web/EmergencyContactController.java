package jp.itaku.emergency.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.emergency.EmergencyContactInput;
import jp.itaku.emergency.EmergencyContactList;
import jp.itaku.emergency.EmergencyContactListForm;
import jp.itaku.emergency.EmergencyContacts;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.web.FormErrors;
import jp.itaku.platform.web.Downloads;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A contract's emergency contacts: the list, its submitted versions and the obligations
 * it meets (every party); editing, submitting and confirming it (the contractor's leads).
 */
@Controller
class EmergencyContactController {

	/** Blank lines offered below the entered ones. */
	private static final int BLANK_LINES = 2;

	private final EmergencyContacts contacts;

	private final FormErrors formErrors;

	EmergencyContactController(EmergencyContacts contacts, FormErrors formErrors) {
		this.contacts = contacts;
		this.formErrors = formErrors;
	}

	@GetMapping("/contracts/{id}/emergency-contacts")
	String overview(@PathVariable("id") UUID contractId, Model model) {
		model.addAttribute("overview", this.contacts.overview(CurrentActor.require(), contractId));
		return "emergency/contacts";
	}

	@GetMapping("/contracts/{id}/emergency-contacts/edit")
	String edit(@PathVariable("id") UUID contractId, Model model) {
		Actor actor = CurrentActor.require();
		EmergencyContacts.Overview overview = this.contacts.overview(actor, contractId);
		if (!overview.mayEdit()) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		EmergencyContactListForm form = new EmergencyContactListForm();
		List<EmergencyContactInput> entries = new ArrayList<>();
		EmergencyContactList list = overview.list();
		if (list != null) {
			list.getEntries().forEach((e) -> entries.add(EmergencyContactInput.of(e)));
		}
		for (int i = 0; i < BLANK_LINES + ((list == null) ? 1 : 0); i++) {
			entries.add(new EmergencyContactInput());
		}
		form.setEntries(entries);
		model.addAttribute("overview", overview);
		model.addAttribute("form", form);
		return "emergency/edit";
	}

	@PostMapping("/contracts/{id}/emergency-contacts/edit")
	String save(@PathVariable("id") UUID contractId, @ModelAttribute("form") EmergencyContactListForm form,
			BindingResult result, @RequestParam(name = "action", required = false) String action, Model model,
			RedirectAttributes redirect) {
		Actor actor = CurrentActor.require();
		if ("addLine".equals(action)) {
			form.getEntries().add(new EmergencyContactInput());
			model.addAttribute("overview", this.contacts.overview(actor, contractId));
			return "emergency/edit";
		}
		try {
			EmergencyContacts.Saved saved = this.contacts.save(actor, contractId, form);
			redirect.addFlashAttribute("flash",
					saved.raised().isEmpty() ? "emergency.flash.saved" : "emergency.flash.savedChangeRaised");
			return "redirect:/contracts/" + contractId + "/emergency-contacts";
		}
		catch (InvalidInputProblem problem) {
			this.formErrors.reject(result, problem);
			model.addAttribute("overview", this.contacts.overview(actor, contractId));
			return "emergency/edit";
		}
	}

	@PostMapping("/contracts/{id}/emergency-contacts/submit")
	String submit(@PathVariable("id") UUID contractId, @RequestParam(name = "comment", required = false) String comment,
			RedirectAttributes redirect) {
		try {
			this.contacts.submit(CurrentActor.require(), contractId, comment);
			redirect.addFlashAttribute("flash", "emergency.flash.submitted");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + contractId + "/emergency-contacts";
	}

	@PostMapping("/contracts/{id}/emergency-contacts/confirm")
	String confirm(@PathVariable("id") UUID contractId, RedirectAttributes redirect) {
		try {
			this.contacts.confirm(CurrentActor.require(), contractId);
			redirect.addFlashAttribute("flash", "emergency.flash.confirmed");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + contractId + "/emergency-contacts";
	}

	@GetMapping("/contracts/{id}/emergency-contacts/versions/{number}.pdf")
	void version(@PathVariable("id") UUID contractId, @PathVariable("number") int number, HttpServletResponse response)
			throws IOException {
		EmergencyContacts.OpenedVersion opened = this.contacts.openVersion(CurrentActor.require(), contractId, number);
		Downloads.send(response, opened.version().getFileName(), opened.content());
	}

}
