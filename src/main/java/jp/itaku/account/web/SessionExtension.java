package jp.itaku.account.web;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The idle-timeout warning's 「延長する」: a same-origin POST (with the form's CSRF token) from
 * the application's own script. The request itself is what extends the session: Spring
 * Session records it as the session's last access, so the idle timeout counts again from
 * now, without reloading the page and losing what a form holds. A session that has
 * already ended answers as every page does (the sign-in page), which the script reads as
 * "too late".
 */
@Controller
class SessionExtension {

	@PostMapping("/session/extend")
	ResponseEntity<Void> extend() {
		return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
	}

}
