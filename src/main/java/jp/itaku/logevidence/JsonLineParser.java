package jp.itaku.logevidence;

import java.time.ZoneId;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Lines: one object a line; the mapping names its fields, nested ones with dots
 * ({@code user.id}).
 */
final class JsonLineParser extends LineParser {

	private final JsonMapper json;

	JsonLineParser(LogMapping mapping, ZoneId zone, JsonMapper json) {
		super(mapping, zone);
		this.json = json;
	}

	@Override
	LogLine parse(String line) {
		JsonNode node;
		try {
			node = this.json.readTree(line);
		}
		catch (JacksonException ex) {
			throw new MalformedLine("logevidence.malformed.json");
		}
		if (node == null || !node.isObject()) {
			throw new MalformedLine("logevidence.malformed.json");
		}
		Map<String, String> more = null;
		if (!this.mapping.extra().isEmpty()) {
			more = extraMap();
			for (String name : this.mapping.extra()) {
				more.put(name, text(node, name));
			}
		}
		return line(text(node, this.mapping.timestamp()), text(node, this.mapping.user()),
				text(node, this.mapping.action()), text(node, this.mapping.target()), text(node, this.mapping.result()),
				text(node, this.mapping.address()), more);
	}

	private static @Nullable String text(JsonNode node, @Nullable String path) {
		if (path == null) {
			return null;
		}
		JsonNode current = node;
		for (String part : path.split("\\.")) {
			current = current.get(part);
			if (current == null || current.isNull()) {
				return null;
			}
		}
		if (current.isContainer()) {
			return current.toString();
		}
		return current.asString();
	}

}
