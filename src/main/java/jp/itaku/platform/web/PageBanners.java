package jp.itaku.platform.web;

import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.PageFragment;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Puts the modules' {@link PageBanner banners} into the model of every page rendered for
 * a signed-in user, as {@code banners}; only for a page that is rendered (not a redirect,
 * not an API answer, not an error page), so that no other request pays for them.
 */
class PageBanners implements HandlerInterceptor {

	private final ObjectProvider<PageBanner> banners;

	PageBanners(ObjectProvider<PageBanner> banners) {
		this.banners = banners;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView mav) {
		if (mav == null || request.getDispatcherType() == DispatcherType.ERROR || !mav.hasView()
				|| (mav.getViewName() != null && mav.getViewName().startsWith("redirect:"))) {
			return;
		}
		CurrentActor.find().ifPresent((actor) -> {
			List<PageFragment> shown = this.banners.orderedStream().flatMap((b) -> b.banner(actor).stream()).toList();
			mav.addObject("banners", shown);
		});
	}

}
