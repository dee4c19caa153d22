package jp.itaku.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Exports a profile version as an OSCAL 1.1.3 catalog (JSON): one group per canonical
 * category, one control per top-level clause, its sub-items as nested parts, and Itaku's
 * fields (reference, category, requirements) as properties in Itaku's own namespace.
 */
@Component
public class OscalExporter {

	/** The namespace of Itaku's properties. */
	public static final String NS = "https://itaku.jp/ns/oscal";

	private static final String OSCAL_VERSION = "1.1.3";

	private final JsonMapper json;

	private final MessageSource messages;

	OscalExporter(JsonMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	/**
	 * Builds the OSCAL catalog of a profile version.
	 * @param profile the profile version
	 * @return the catalog as a JSON document
	 */
	public ObjectNode export(StoredProfile profile) {
		ProfileDefinition definition = profile.definition();
		ObjectNode root = this.json.createObjectNode();
		ObjectNode catalog = root.putObject("catalog");
		catalog.put("uuid", profile.id().toString());
		ObjectNode metadata = catalog.putObject("metadata");
		metadata.put("title", definition.issuer() + " " + definition.title());
		metadata.put("last-modified", DateTimeFormatter.ISO_OFFSET_DATE_TIME
			.format(profile.createdAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
		metadata.put("version", profile.code() + "-v" + profile.version());
		metadata.put("oscal-version", OSCAL_VERSION);
		ArrayNode metadataProps = metadata.putArray("props");
		prop(metadataProps, "profile-code", profile.code());
		prop(metadataProps, "profile-version", Integer.toString(profile.version()));
		prop(metadataProps, "content-sha256", profile.contentHash());
		ObjectNode party = metadata.putArray("parties").addObject();
		party.put("uuid", nameBased(definition.issuer()).toString());
		party.put("type", "organization");
		party.put("name", definition.issuer());

		ArrayNode groups = catalog.putArray("groups");
		List<ClauseDefinition> clauses = definition.clauses();
		for (ClauseCategory category : ClauseCategory.values()) {
			List<ClauseDefinition> topLevel = clauses.stream()
				.filter((c) -> c.parent() == null && c.category() == category)
				.toList();
			if (topLevel.isEmpty()) {
				continue;
			}
			ObjectNode group = groups.addObject();
			group.put("id", "category-" + category.name().toLowerCase(Locale.ROOT).replace('_', '-'));
			group.put("class", "category");
			group.put("title",
					this.messages.getMessage("category." + category.name(), null, category.name(), Locale.JAPANESE));
			prop(group.putArray("props"), "category", category.name());
			ArrayNode controls = group.putArray("controls");
			for (ClauseDefinition clause : topLevel) {
				ObjectNode control = controls.addObject();
				control.put("id", id(profile, clause));
				control.put("class", "clause");
				control.put("title",
						(clause.heading() != null && !clause.heading().isBlank()) ? clause.heading() : clause.ref());
				clauseProps(control.putArray("props"), clause);
				fillParts(control.putArray("parts"), profile, clause);
			}
		}
		return root;
	}

	private void fillParts(ArrayNode parts, StoredProfile profile, ClauseDefinition clause) {
		ObjectNode statement = parts.addObject();
		statement.put("id", id(profile, clause) + "_smt");
		statement.put("name", "statement");
		if (!clause.text().isBlank()) {
			statement.put("prose", clause.text());
		}
		ArrayNode inner = statement.putArray("parts");
		int index = 1;
		for (RequirementDefinition requirement : clause.requirements()) {
			ObjectNode part = inner.addObject();
			part.put("id", id(profile, clause) + "_req-" + index++);
			part.put("name", "requirement");
			part.put("ns", NS);
			ArrayNode props = part.putArray("props");
			prop(props, "kind", requirement.kind().name());
			prop(props, "actor", requirement.party().name());
			prop(props, "trigger", requirement.trigger().type().name());
			if (requirement.trigger().event() != null) {
				prop(props, "trigger-event", requirement.trigger().event().name());
			}
			if (requirement.trigger().action() != null) {
				prop(props, "trigger-action", requirement.trigger().action().name());
			}
			if (requirement.trigger().subject() != null) {
				prop(props, "trigger-subject", requirement.trigger().subject().name());
			}
			if (requirement.trigger().interval() != null) {
				prop(props, "trigger-interval", requirement.trigger().interval());
			}
			requirement.when().forEach((attribute) -> prop(props, "applies-when", attribute.name()));
			if (requirement.deliverable() != null) {
				prop(props, "deliverable", requirement.deliverable().name());
			}
			if (requirement.deadline() != null) {
				prop(props, "deadline", deadline(requirement.deadline()));
			}
			requirement.contents().forEach((item) -> prop(props, "contents", item.name()));
			requirement.assetScope().forEach((scope) -> prop(props, "asset-scope", scope.name()));
			requirement.assetForm().forEach((form) -> prop(props, "asset-form", form.name()));
			if (requirement.onlyIf() != null) {
				prop(props, "only-if", requirement.onlyIf().name());
			}
			part.put("prose", requirement.summary());
		}
		for (ClauseDefinition child : profile.childrenOf(clause.ref())) {
			ObjectNode item = inner.addObject();
			item.put("id", id(profile, child));
			item.put("name", "item");
			clauseProps(item.putArray("props"), child);
			ArrayNode childParts = item.putArray("parts");
			fillParts(childParts, profile, child);
		}
		if (inner.isEmpty()) {
			statement.remove("parts");
		}
	}

	private static void clauseProps(ArrayNode props, ClauseDefinition clause) {
		ObjectNode label = props.addObject();
		label.put("name", "label");
		label.put("value", clause.ref());
		prop(props, "ref", clause.ref());
		prop(props, "category", clause.category().name());
		if (clause.informational()) {
			prop(props, "informational", "true");
		}
	}

	private static String deadline(ProfileDefinition.Deadline deadline) {
		return switch (deadline.type()) {
			case POLICY -> "POLICY:" + deadline.policy().name();
			case DAY_OF_MONTH -> "DAY_OF_MONTH:" + deadline.day() + ":" + deadline.monthOffset();
			case BEFORE_ACTION -> "BEFORE_ACTION";
			case WITHIN -> "WITHIN:" + deadline.period();
			case RETENTION -> "RETENTION:" + deadline.period();
		};
	}

	/**
	 * Returns the RFC 9562 version-5 UUID of a name in Itaku's namespace, so that the
	 * same issuer always gets the same party id (OSCAL accepts versions 4 and 5 only).
	 * @param name the name
	 * @return the UUID
	 */
	static UUID nameBased(String name) {
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			sha1.update(NS.getBytes(StandardCharsets.UTF_8));
			byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
			hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
			hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
			ByteBuffer buffer = ByteBuffer.wrap(hash, 0, 16);
			return new UUID(buffer.getLong(), buffer.getLong());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void prop(ArrayNode props, String name, String value) {
		ObjectNode prop = props.addObject();
		prop.put("name", name);
		prop.put("ns", NS);
		prop.put("value", value);
	}

	/**
	 * Returns an OSCAL token for a clause: references as printed contain characters a
	 * token may not (e.g. full-width parentheses), so the id is the position; the
	 * reference is a property.
	 */
	private static String id(StoredProfile profile, ClauseDefinition clause) {
		return profile.code() + "-c" + (profile.definition().clauses().indexOf(clause) + 1);
	}

}
