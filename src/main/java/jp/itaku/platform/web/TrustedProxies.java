package jp.itaku.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.catalina.valves.RemoteIpValve;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Forwarded headers, honoured only from the reverse proxies named in
 * {@code itaku.web.trusted-proxies} (IPv4 addresses or ranges such as
 * {@code 10.0.0.0/24}, IPv6 addresses). From such a proxy, {@code X-Forwarded-For} gives
 * the client's address (sign-in throttling, the audit trail), {@code X-Forwarded-Proto}
 * whether the client came over TLS (then session cookies are {@code Secure} and HSTS is
 * sent), and {@code X-Forwarded-Host}/{@code -Port} the address it asked for. From any
 * other address these headers are ignored, as is {@code Forwarded} from everyone; with no
 * proxy configured (the default) nothing forwarded is believed. Tomcat's
 * {@link RemoteIpValve} applies it before anything else sees the request, so that the
 * connector itself takes the request as secure.
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxies {

	private static final Pattern IPV4 = Pattern
		.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> forwardedHeadersFromTrustedProxies(
			@Value("${itaku.web.trusted-proxies:}") String proxies) {
		String internalProxies = pattern(proxies);
		return (factory) -> {
			if (internalProxies == null) {
				return;
			}
			RemoteIpValve valve = new RemoteIpValve();
			valve.setInternalProxies(internalProxies);
			valve.setTrustedProxies(null);
			valve.setRemoteIpHeader("X-Forwarded-For");
			valve.setProtocolHeader("X-Forwarded-Proto");
			valve.setProtocolHeaderHttpsValue("https");
			valve.setHostHeader("X-Forwarded-Host");
			valve.setPortHeader("X-Forwarded-Port");
			factory.addEngineValves(valve);
		};
	}

	/**
	 * Returns the regular expression that matches exactly the configured proxies, as
	 * Tomcat's valve takes it.
	 * @param proxies comma-separated IPv4 addresses, IPv4 ranges in CIDR notation and
	 * IPv6 addresses
	 * @return the expression, or {@code null} when none is configured
	 * @throws IllegalStateException naming an entry that is not an address or range (a
	 * host name is refused: it would be looked up on every request)
	 */
	static @Nullable String pattern(String proxies) {
		List<String> alternatives = new ArrayList<>();
		for (String entry : (proxies == null) ? new String[0] : proxies.split(",")) {
			String proxy = entry.strip();
			if (proxy.isEmpty()) {
				continue;
			}
			alternatives.add(alternative(proxy));
		}
		return alternatives.isEmpty() ? null : String.join("|", alternatives);
	}

	private static String alternative(String proxy) {
		int slash = proxy.indexOf('/');
		String address = (slash < 0) ? proxy : proxy.substring(0, slash);
		if (IPV4.matcher(address).matches()) {
			int prefix = (slash < 0) ? 32 : prefix(proxy, proxy.substring(slash + 1));
			return ipv4Range(address, prefix);
		}
		if (slash < 0 && address.indexOf(':') >= 0 && address.matches("[0-9A-Fa-f:.]+")) {
			try {
				// A literal: no lookup. Tomcat writes the remote address in this same
				// form.
				return Pattern.quote(InetAddress.getByName(address).getHostAddress());
			}
			catch (UnknownHostException ex) {
				throw invalid(proxy);
			}
		}
		throw invalid(proxy);
	}

	private static int prefix(String proxy, String text) {
		if (!text.matches("[0-9]{1,2}") || Integer.parseInt(text) > 32) {
			throw invalid(proxy);
		}
		return Integer.parseInt(text);
	}

	/** The addresses of a range, octet by octet: fixed, a list of values, or any. */
	private static String ipv4Range(String address, int prefix) {
		String[] octets = address.split("\\.");
		StringBuilder pattern = new StringBuilder("(?:");
		for (int i = 0; i < 4; i++) {
			if (i > 0) {
				pattern.append("\\.");
			}
			int fixedBits = Math.max(0, Math.min(8, prefix - i * 8));
			int value = Integer.parseInt(octets[i]);
			if (fixedBits == 8) {
				pattern.append(value);
			}
			else if (fixedBits == 0) {
				pattern.append("\\d{1,3}");
			}
			else {
				int first = value & (0xFF << (8 - fixedBits)) & 0xFF;
				List<String> values = new ArrayList<>();
				for (int v = first; v < first + (1 << (8 - fixedBits)); v++) {
					values.add(Integer.toString(v));
				}
				pattern.append("(?:").append(String.join("|", values)).append(')');
			}
		}
		return pattern.append(')').toString();
	}

	private static IllegalStateException invalid(String proxy) {
		return new IllegalStateException(
				"itaku.web.trusted-proxies: '" + proxy + "' is not an IP address or an IPv4 range such as 10.0.0.0/24");
	}

}
