package jp.itaku.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;
import jp.itaku.platform.InputRules;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Reads a clause profile file (YAML or JSON) and checks it against the schema
 * ({@code catalog/profile.schema.json}) and the catalog's own rules; every fault is
 * reported with its line and field, in the reader's language.
 */
@Component
public class ProfileParser {

	/** Where the schema lives on the class path. */
	public static final String SCHEMA = "catalog/profile.schema.json";

	private static final Set<RequirementKind> NEED_DELIVERABLE = Set.of(RequirementKind.SUBMIT_DOCUMENT,
			RequirementKind.KEEP_RECORD, RequirementKind.OBTAIN_APPROVAL, RequirementKind.NOTIFY);

	private final Schema schema;

	private final YAMLMapper yaml = YAMLMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final MessageSource messages;

	ProfileParser(MessageSource messages) {
		this.messages = messages;
		try (InputStream in = new ClassPathResource(SCHEMA).getInputStream()) {
			this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
				.getSchema(this.yaml.readTree(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + SCHEMA, ex);
		}
	}

	/**
	 * Parses and validates a profile.
	 * @param file the file's name, for messages
	 * @param content the file's text (YAML, of which JSON is a subset)
	 * @param locale the language of the error messages
	 * @return the profile
	 * @throws InvalidProfileException listing every fault by line and field
	 */
	public ProfileDefinition parse(@Nullable String file, String content, Locale locale) {
		refuseControlCharacters(file, content, locale);
		Map<String, Mark> marks = new HashMap<>();
		try {
			Node root = new Yaml(new LoaderOptions()).compose(new StringReader(content));
			if (root == null) {
				throw new InvalidProfileException(file,
						List.of(new ProfileError(1, 1, "", text(locale, "catalog.error.empty"))));
			}
			List<ProfileError> duplicates = new ArrayList<>();
			collectMarks(root, "", marks, duplicates, locale);
			if (!duplicates.isEmpty()) {
				throw new InvalidProfileException(file, duplicates);
			}
		}
		catch (MarkedYAMLException ex) {
			Mark mark = ex.getProblemMark();
			throw new InvalidProfileException(file,
					List.of(new ProfileError((mark != null) ? mark.getLine() + 1 : 0,
							(mark != null) ? mark.getColumn() + 1 : 0, "",
							text(locale, "catalog.error.syntax", ex.getProblem()))));
		}
		catch (YAMLException ex) {
			// A fault the reader does not locate: named at the line where the last
			// event it could read ends.
			throw new InvalidProfileException(file, List.of(new ProfileError(lastReadableLine(content), 1, "",
					text(locale, "catalog.error.syntax", ex.getMessage()))));
		}
		JsonNode tree;
		try {
			tree = this.yaml.readTree(content);
		}
		catch (JacksonException ex) {
			int line = (ex.getLocation() != null) ? Math.max(1, ex.getLocation().getLineNr()) : 1;
			int column = (ex.getLocation() != null) ? Math.max(1, ex.getLocation().getColumnNr()) : 1;
			throw new InvalidProfileException(file, List
				.of(new ProfileError(line, column, "", text(locale, "catalog.error.syntax", ex.getOriginalMessage()))));
		}
		List<ProfileError> errors = new ArrayList<>();
		List<Error> schemaErrors = this.schema.validate(tree,
				(context) -> context.setExecutionConfig(ExecutionConfig.builder().locale(locale).build()));
		for (Error error : schemaErrors) {
			String path = path(error.getInstanceLocation());
			errors.add(located(marks, path, error.getMessage()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidProfileException(file, errors);
		}
		ProfileDefinition profile = this.yaml.treeToValue(tree, ProfileDefinition.class);
		checkRules(profile, marks, locale, errors);
		if (!errors.isEmpty()) {
			throw new InvalidProfileException(file, errors);
		}
		return profile;
	}

	private void checkRules(ProfileDefinition profile, Map<String, Mark> marks, Locale locale,
			List<ProfileError> errors) {
		Set<String> seen = new HashSet<>();
		Set<String> parents = new HashSet<>();
		profile.clauses().stream().map(ClauseDefinition::parent).filter((p) -> p != null).forEach(parents::add);
		for (int i = 0; i < profile.clauses().size(); i++) {
			ClauseDefinition clause = profile.clauses().get(i);
			String at = "clauses[" + i + "]";
			if (!seen.add(clause.ref())) {
				errors.add(located(marks, at + ".ref", text(locale, "catalog.error.duplicateRef", clause.ref())));
			}
			if (clause.parent() != null && !seen.contains(clause.parent())) {
				errors
					.add(located(marks, at + ".parent", text(locale, "catalog.error.parentUnknown", clause.parent())));
			}
			if (clause.text().isBlank() && !parents.contains(clause.ref())) {
				errors.add(located(marks, at + ".text", text(locale, "catalog.error.emptyText")));
			}
			boolean onlyInformational = clause.requirements()
				.stream()
				.allMatch((r) -> r.kind() == RequirementKind.INFORMATIONAL);
			if (!clause.informational() && clause.requirements().isEmpty()) {
				errors.add(located(marks, at + ".requirements", text(locale, "catalog.error.noRequirement")));
			}
			if (clause.informational() && !onlyInformational) {
				errors
					.add(located(marks, at + ".informational", text(locale, "catalog.error.informationalRequirement")));
			}
			for (int j = 0; j < clause.requirements().size(); j++) {
				checkRequirement(clause.requirements().get(j), at + ".requirements[" + j + "]", marks, locale, errors);
			}
		}
	}

	private void checkRequirement(RequirementDefinition requirement, String at, Map<String, Mark> marks, Locale locale,
			List<ProfileError> errors) {
		Deliverable deliverable = requirement.deliverable();
		if (NEED_DELIVERABLE.contains(requirement.kind()) && deliverable == null) {
			errors.add(located(marks, at + ".kind", text(locale, "catalog.error.deliverableRequired")));
		}
		if (requirement.kind() == RequirementKind.SUBMIT_DOCUMENT && deliverable != null
				&& deliverable.form() != Deliverable.Form.DOCUMENT) {
			errors.add(located(marks, at + ".deliverable", text(locale, "catalog.error.documentExpected")));
		}
		if (requirement.kind() == RequirementKind.KEEP_RECORD && deliverable != null
				&& deliverable.form() != Deliverable.Form.REGISTER) {
			errors.add(located(marks, at + ".deliverable", text(locale, "catalog.error.registerExpected")));
		}
		if (requirement.deadline() != null && requirement.deadline().type() == DeadlineType.BEFORE_ACTION
				&& requirement.trigger().type() != TriggerType.BEFORE_ACTION) {
			errors.add(located(marks, at + ".deadline", text(locale, "catalog.error.beforeActionTrigger")));
		}
		if (requirement.kind() == RequirementKind.OBTAIN_APPROVAL
				&& requirement.trigger().type() != TriggerType.BEFORE_ACTION) {
			errors.add(located(marks, at + ".trigger", text(locale, "catalog.error.approvalBeforeAction")));
		}
		if (requirement.onlyIf() != null && requirement.trigger().type() != TriggerType.CONTRACT_END) {
			errors.add(located(marks, at + ".onlyIf", text(locale, "catalog.error.onlyIfAtEnd")));
		}
		if (!requirement.subcontractorDocuments().isEmpty()
				&& (requirement.trigger().type() != TriggerType.BEFORE_ACTION
						|| requirement.trigger().action() != GuardedAction.SUBCONTRACT)) {
			errors.add(located(marks, at + ".subcontractorDocuments",
					text(locale, "catalog.error.subcontractorDocumentsOnSubcontract")));
		}
		if (requirement.subcontractorDocuments().stream().anyMatch((d) -> d.form() != Deliverable.Form.DOCUMENT)) {
			errors.add(located(marks, at + ".subcontractorDocuments", text(locale, "catalog.error.documentExpected")));
		}
		for (Deliverable other : requirement.alsoMetBy()) {
			if (deliverable == null || other == deliverable || other.form() != deliverable.form()) {
				errors.add(located(marks, at + ".alsoMetBy", text(locale, "catalog.error.alsoMetBy")));
				break;
			}
		}
	}

	private static int lastReadableLine(String content) {
		int line = 1;
		try {
			for (Event event : new Yaml(new LoaderOptions()).parse(new StringReader(content))) {
				if (event.getEndMark() != null) {
					line = event.getEndMark().getLine() + 1;
				}
			}
		}
		catch (YAMLException ex) {
			// where it stops
		}
		return line;
	}

	/**
	 * A profile is text: a control character (NUL, other C0 controls than tab and line
	 * breaks, DEL, C1, an unpaired surrogate) is refused before the YAML reader sees it,
	 * naming the first line that holds one.
	 */
	private void refuseControlCharacters(@Nullable String file, String content, Locale locale) {
		String[] lines = content.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (InputRules.hasControlCharacter(lines[i])) {
				throw new InvalidProfileException(file,
						List.of(new ProfileError(i + 1, 1, "", text(locale, InputRules.CONTROL_CHARACTER))));
			}
		}
	}

	private String text(Locale locale, String key, @Nullable Object... arguments) {
		String message = this.messages.getMessage(key, arguments, key, locale);
		// the default (the key) when the key is missing: never null
		return (message != null) ? message : key;
	}

	private static ProfileError located(Map<String, Mark> marks, String path, @Nullable String message) {
		String probe = path;
		while (true) {
			Mark mark = marks.get(probe);
			if (mark != null) {
				return new ProfileError(mark.getLine() + 1, mark.getColumn() + 1, path, message);
			}
			if (probe.isEmpty()) {
				return new ProfileError(0, 0, path, message);
			}
			int cut = Math.max(probe.lastIndexOf('.'), probe.lastIndexOf('['));
			probe = (cut <= 0) ? "" : probe.substring(0, cut);
		}
	}

	private static String path(NodePath location) {
		StringBuilder path = new StringBuilder();
		for (int i = 0; i < location.getNameCount(); i++) {
			Object element = location.getElement(i);
			if (element instanceof Integer index) {
				path.append('[').append(index).append(']');
			}
			else {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(element);
			}
		}
		return path.toString();
	}

	/**
	 * Records where each path starts, and refuses a key given twice in one mapping (YAML
	 * would keep one of them silently).
	 */
	private void collectMarks(Node node, String path, Map<String, Mark> marks, List<ProfileError> duplicates,
			Locale locale) {
		marks.putIfAbsent(path, node.getStartMark());
		if (node instanceof MappingNode mapping) {
			Set<String> keys = new HashSet<>();
			for (NodeTuple tuple : mapping.getValue()) {
				if (tuple.getKeyNode() instanceof ScalarNode key) {
					String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
					if (!keys.add(key.getValue())) {
						Mark mark = key.getStartMark();
						duplicates.add(new ProfileError(mark.getLine() + 1, mark.getColumn() + 1, child,
								text(locale, "catalog.error.duplicateKey", key.getValue())));
					}
					marks.put(child, key.getStartMark());
					collectMarks(tuple.getValueNode(), child, marks, duplicates, locale);
					marks.put(child, key.getStartMark());
				}
			}
		}
		else if (node instanceof SequenceNode sequence) {
			for (int i = 0; i < sequence.getValue().size(); i++) {
				collectMarks(sequence.getValue().get(i), path + "[" + i + "]", marks, duplicates, locale);
			}
		}
	}

}
