package jp.itaku.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address users reach this server at ({@code itaku.base-url}), for links that leave
 * the browser: in mails and in calendar feeds.
 */
@Component
public class BaseUrl {

	private final String value;

	BaseUrl(@Value("${itaku.base-url:http://localhost:8080}") String configured) {
		String value = configured.strip();
		while (value.endsWith("/")) {
			value = value.substring(0, value.length() - 1);
		}
		this.value = value;
	}

	/**
	 * Returns the absolute address of a path of this server.
	 * @param path the path, starting with {@code /}, e.g. {@code /obligations/…}
	 * @return the address
	 */
	public String of(String path) {
		return this.value + path;
	}

}
