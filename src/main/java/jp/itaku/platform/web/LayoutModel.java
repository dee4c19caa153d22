package jp.itaku.platform.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.mail.Mailbox;

import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.LazyContextVariable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout of every page needs: the signed-in user (for the header), what the
 * navigation offers them ({@link Navigation}) with the count of what waits for them, and
 * the idle timeout (for the warning before the session ends).
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

	private final long idleTimeoutSeconds;

	private final boolean demo;

	private final InboxCount inboxCount;

	private final Mailbox mailbox;

	LayoutModel(@Value("${itaku.security.idle-timeout:15m}") Duration idleTimeout,
			@Value("${itaku.demo.enabled:false}") boolean demo, InboxCount inboxCount, Mailbox mailbox) {
		this.idleTimeoutSeconds = idleTimeout.toSeconds();
		this.demo = demo;
		this.inboxCount = inboxCount;
		this.mailbox = mailbox;
	}

	/**
	 * The number of unread in-app notices (お知らせ) on the navigation, counted only when a
	 * page shows it.
	 */
	@ModelAttribute("mailboxUnread")
	@Nullable LazyContextVariable<Integer> mailboxUnread() {
		Actor actor = CurrentActor.find().orElse(null);
		if (actor == null) {
			return null;
		}
		return new LazyContextVariable<>() {
			@Override
			protected Integer loadValue() {
				return LayoutModel.this.mailbox.unread(actor.userId());
			}
		};
	}

	@ModelAttribute("currentActor")
	@Nullable Actor currentActor() {
		return CurrentActor.find().orElse(null);
	}

	@ModelAttribute("navigation")
	@Nullable Navigation navigation() {
		return CurrentActor.find().map(Navigation::of).orElse(null);
	}

	/**
	 * The number on the navigation's 対応待ち (remembered for a minute, see
	 * {@link InboxCount}), counted only when a page shows it: a redirect or a download
	 * never counts, and the inbox's own pages put the count they made in its place.
	 */
	@ModelAttribute("inboxCount")
	@Nullable LazyContextVariable<Integer> inboxCount(HttpServletRequest request) {
		Actor actor = CurrentActor.find().orElse(null);
		if (actor == null) {
			return null;
		}
		return new LazyContextVariable<>() {
			@Override
			protected Integer loadValue() {
				return LayoutModel.this.inboxCount.of(actor, request.getSession(false));
			}
		};
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
