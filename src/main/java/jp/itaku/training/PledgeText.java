package jp.itaku.training;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jp.itaku.catalog.ClauseCategory;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.Party;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;
import jp.itaku.catalog.RequirementKind;
import jp.itaku.document.PdfForm;
import jp.itaku.platform.Dates;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * The text of a pledge (誓約書), generated from the contract and its clause profile: the
 * worker undertakes to follow the profile's rules on confidentiality, purpose limitation
 * and policy compliance, and the rules the profile makes the contractor impose on each
 * worker (e.g. Setagaya 11 name badges, Setagaya 15 IDs and passwords), each with its
 * clause reference. The canonical {@link #body()} is what is stored, hashed, shown to the
 * worker and printed.
 */
final class PledgeText {

	/** Categories whose every rule binding the contractor goes into the pledge. */
	static final Set<ClauseCategory> PLEDGED_CATEGORIES = EnumSet.of(ClauseCategory.CONFIDENTIALITY,
			ClauseCategory.PURPOSE_LIMITATION, ClauseCategory.POLICY_COMPLIANCE);

	/** Categories whose rules go into the pledge when they are about the workers. */
	static final Set<ClauseCategory> WORKER_CATEGORIES = EnumSet.of(ClauseCategory.PHYSICAL_SECURITY,
			ClauseCategory.TECHNICAL_SECURITY, ClauseCategory.INFORMATION_HANDLING);

	private static final String WORKER = "従事者";

	private static final Locale JAPANESE = Locale.JAPANESE;

	private final String title;

	private final String addressee;

	private final String preamble;

	private final List<String> items;

	private final String closing;

	private final List<String[]> signature;

	private PledgeText(String title, String addressee, String preamble, List<String> items, String closing,
			List<String[]> signature) {
		this.title = title;
		this.addressee = addressee;
		this.preamble = preamble;
		this.items = List.copyOf(items);
		this.closing = closing;
		this.signature = List.copyOf(signature);
	}

	/**
	 * Selects the rules a worker pledges to follow: requirements binding the contractor
	 * (or a subcontractor) to a prohibition or a control, that apply to the contract's
	 * scope, in the categories of {@link #PLEDGED_CATEGORIES}, or in those of
	 * {@link #WORKER_CATEGORIES} when the rule names the workers.
	 * @param profile the contract's clause profile
	 * @param attributes the contract's scope attributes
	 * @return the rules in document order
	 */
	static List<Rule> rules(ProfileDefinition profile, Set<ContractAttribute> attributes) {
		List<Rule> rules = new ArrayList<>();
		for (ClauseDefinition clause : profile.clauses()) {
			if (clause.informational()) {
				continue;
			}
			for (RequirementDefinition requirement : clause.requirements()) {
				if (pledged(clause.category(), requirement, attributes)) {
					rules.add(new Rule(clause.ref(), requirement.summary()));
				}
			}
		}
		return rules;
	}

	private static boolean pledged(ClauseCategory category, RequirementDefinition requirement,
			Set<ContractAttribute> attributes) {
		if (requirement.party() == Party.CLIENT || (requirement.kind() != RequirementKind.PROHIBITION
				&& requirement.kind() != RequirementKind.IMPLEMENT_CONTROL)) {
			return false;
		}
		if (!attributes.containsAll(requirement.when())) {
			return false;
		}
		return PLEDGED_CATEGORIES.contains(category) || (WORKER_CATEGORIES.contains(category)
				&& requirement.summary() != null && requirement.summary().contains(WORKER));
	}

	/**
	 * Composes a pledge in Japanese.
	 * @param messages the message bundles
	 * @param parties who and what the pledge names
	 * @param rules the rules, from {@link #rules}
	 * @param date the pledge's date
	 * @return the text
	 */
	static PledgeText compose(MessageSource messages, Parties parties, List<Rule> rules, LocalDate date) {
		List<String> items = new ArrayList<>();
		for (int i = 0; i < rules.size(); i++) {
			Rule rule = rules.get(i);
			items.add(text(messages, "training.pledge.rule", i + 1, rule.summary(), parties.issuer(), rule.ref()));
		}
		if (items.isEmpty()) {
			items.add(text(messages, "training.pledge.noRules", parties.issuer(), parties.profileTitle()));
		}
		List<String[]> signature = List.of(new String[] { text(messages, "training.pledge.date"), Dates.wareki(date) },
				new String[] { text(messages, "training.pledge.affiliation"), affiliation(parties) },
				new String[] { text(messages, "training.pledge.name"), parties.workerName() });
		return new PledgeText(text(messages, "training.pledge.title"),
				text(messages, "training.pledge.addressee", parties.client()),
				text(messages, "training.pledge.preamble", parties.client(), parties.contractor(),
						parties.contractNumber(), parties.contractTitle(), parties.issuer(), parties.profileTitle()),
				items, text(messages, "training.pledge.closing"), signature);
	}

	private static String affiliation(Parties parties) {
		String affiliation = (parties.affiliation() != null) ? parties.affiliation() : "";
		return affiliation.startsWith(parties.contractor()) ? affiliation
				: (parties.contractor() + " " + affiliation).strip();
	}

	private static String text(MessageSource messages, String key, Object... arguments) {
		return messages.getMessage(key, arguments, JAPANESE);
	}

	/**
	 * Returns the canonical text: what is stored, hashed and shown to the worker.
	 * @return the text, lines separated by {@code \n}
	 */
	String body() {
		StringBuilder body = new StringBuilder();
		body.append(this.title)
			.append("\n\n")
			.append(this.addressee)
			.append("\n\n")
			.append(this.preamble)
			.append("\n\n");
		for (String item : this.items) {
			body.append(item).append('\n');
		}
		body.append('\n').append(this.closing).append("\n\n");
		for (String[] line : this.signature) {
			body.append(line[0]).append("：").append(line[1]).append('\n');
		}
		return body.toString();
	}

	/**
	 * Renders a stored pledge text as a form to print and sign: exactly the stored text
	 * (its first line is the title), a signature line, and a closing note.
	 * @param body the canonical text, from {@link #body()}
	 * @param signatureLabel the label of the signature line
	 * @param note a closing note (e.g. how it was acknowledged), or {@code null}
	 * @return the PDF
	 */
	static byte[] pdf(String body, String signatureLabel, @Nullable String note) {
		int firstBreak = body.indexOf('\n');
		String title = (firstBreak < 0) ? body : body.substring(0, firstBreak);
		String rest = (firstBreak < 0) ? "" : body.substring(firstBreak + 1).strip();
		PdfForm form = PdfForm.titled(title).paragraph(rest).paragraph("").line(signatureLabel, "");
		if (note != null) {
			form.paragraph(note);
		}
		return form.toPdf();
	}

	List<String> items() {
		return this.items;
	}

	/**
	 * One rule of the profile the worker pledges to follow.
	 *
	 * @param ref the clause reference as printed
	 * @param summary what is required, in Japanese
	 */
	record Rule(String ref, String summary) {
	}

	/**
	 * Who and what the pledge names.
	 *
	 * @param client the client's name
	 * @param contractor the contractor's name
	 * @param contractNumber the contract's number
	 * @param contractTitle the contract's title
	 * @param issuer the body whose clauses the profile holds
	 * @param profileTitle the profile's title
	 * @param workerName the worker's name
	 * @param affiliation the worker's affiliation
	 */
	record Parties(String client, String contractor, String contractNumber, String contractTitle, String issuer,
			String profileTitle, String workerName, String affiliation) {
	}

}
