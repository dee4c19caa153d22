package jp.itaku.platform.web;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The configured proxies as the expression Tomcat's valve matches remote addresses with:
 * exactly the addresses and ranges named, nothing else.
 */
class TrustedProxiesTests {

	@Test
	void noProxyMeansNoForwardedHeaderIsBelieved() {
		assertThat(TrustedProxies.pattern("")).isNull();
		assertThat(TrustedProxies.pattern(" , ")).isNull();
		assertThat(TrustedProxies.pattern(null)).isNull();
	}

	@Test
	void addressesMatchExactly() {
		Pattern pattern = Pattern.compile(TrustedProxies.pattern("10.0.0.5, 192.168.1.10"));
		assertThat(pattern.matcher("10.0.0.5").matches()).isTrue();
		assertThat(pattern.matcher("192.168.1.10").matches()).isTrue();
		assertThat(pattern.matcher("10.0.0.50").matches()).isFalse();
		assertThat(pattern.matcher("10.0.0.5x").matches()).isFalse();
		assertThat(pattern.matcher("110.0.0.5").matches()).isFalse();
	}

	@Test
	void rangesMatchTheirAddressesOnly() {
		Pattern pattern = Pattern.compile(TrustedProxies.pattern("10.1.16.0/20"));
		assertThat(pattern.matcher("10.1.16.1").matches()).isTrue();
		assertThat(pattern.matcher("10.1.31.254").matches()).isTrue();
		assertThat(pattern.matcher("10.1.32.1").matches()).isFalse();
		assertThat(pattern.matcher("10.1.15.255").matches()).isFalse();
		Pattern wide = Pattern.compile(TrustedProxies.pattern("172.16.0.0/12"));
		assertThat(wide.matcher("172.31.200.3").matches()).isTrue();
		assertThat(wide.matcher("172.32.0.1").matches()).isFalse();
	}

	@Test
	void ipv6AddressesMatchInTheFormTomcatWrites() {
		Pattern pattern = Pattern.compile(TrustedProxies.pattern("::1, 2001:db8::7"));
		assertThat(pattern.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
		assertThat(pattern.matcher("2001:db8:0:0:0:0:0:7").matches()).isTrue();
		assertThat(pattern.matcher("2001:db8:0:0:0:0:0:8").matches()).isFalse();
	}

	@Test
	void hostNamesAndMalformedRangesAreRefusedAtStartUp() {
		assertThatIllegalStateException().isThrownBy(() -> TrustedProxies.pattern("proxy.example"))
			.withMessageContaining("proxy.example");
		assertThatIllegalStateException().isThrownBy(() -> TrustedProxies.pattern("10.0.0.0/33"));
		assertThatIllegalStateException().isThrownBy(() -> TrustedProxies.pattern("10.0.0.256"));
	}

}
