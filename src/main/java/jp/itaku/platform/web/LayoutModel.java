package jp.itaku.platform.web;

import java.time.Duration;

import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout of every page needs: the signed-in user (for the header), what the
 * navigation offers them ({@link Navigation}), and the idle timeout (for the warning
 * before the session ends).
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

	private final long idleTimeoutSeconds;

	private final boolean demo;

	LayoutModel(@Value("${itaku.security.idle-timeout:15m}") Duration idleTimeout,
			@Value("${itaku.demo.enabled:false}") boolean demo) {
		this.idleTimeoutSeconds = idleTimeout.toSeconds();
		this.demo = demo;
	}

	@ModelAttribute("currentActor")
	@Nullable Actor currentActor() {
		return CurrentActor.find().orElse(null);
	}

	@ModelAttribute("navigation")
	@Nullable Navigation navigation() {
		return CurrentActor.find().map(Navigation::of).orElse(null);
	}

	@ModelAttribute("idleTimeoutSeconds")
	long idleTimeoutSeconds() {
		return this.idleTimeoutSeconds;
	}

	@ModelAttribute("demoMode")
	boolean demoMode() {
		return this.demo;
	}

}
