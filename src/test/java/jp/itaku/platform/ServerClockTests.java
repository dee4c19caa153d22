package jp.itaku.platform;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server clock's state read from timedatectl and chrony output.
 */
class ServerClockTests {

	@Test
	void timedatectlSaysWhetherNtpIsSynchronised() {
		ServerClock.State state = ServerClock.fromTimedatectl(List.of("Timezone=Asia/Tokyo", "LocalRTC=no",
				"CanNTP=yes", "NTP=yes", "NTPSynchronized=yes", "TimeUSec=Fri 2026-12-04 23:00:00 JST"));
		assertThat(state.synchronised()).isTrue();
		assertThat(state.details()).contains("NTP=yes", "NTPSynchronized=yes");
		assertThat(ServerClock.fromTimedatectl(List.of("NTPSynchronized=no")).synchronised()).isFalse();
		assertThat(ServerClock.fromTimedatectl(List.of("Failed to connect to bus: Host is down")).synchronised())
			.isNull();
	}

	@Test
	void chronyIsSynchronisedWhenItsLeapStatusIsNormal() {
		List<String> tracking = List.of("Reference ID    : 85F3EEF3 (ntp.nict.jp)", "Stratum         : 2",
				"System time     : 0.000012345 seconds fast of NTP time", "Leap status     : Normal");
		assertThat(ServerClock.fromChrony(tracking).synchronised()).isTrue();
		assertThat(ServerClock.fromChrony(List.of("Leap status     : Not synchronised")).synchronised()).isFalse();
	}

}
