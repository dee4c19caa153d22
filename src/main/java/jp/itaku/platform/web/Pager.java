package jp.itaku.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pager's links ({@code fragments/pager}): the address of the page being shown with
 * only its {@code page} parameter changed, so that every filter of the list carries over
 * to the next page without each template spelling its parameters out again.
 */
@Component("pager")
public class Pager {

	/**
	 * Returns the current address with another page number.
	 * @param page the page to link to, from 0
	 * @return the path and query, with the context path, ready for an {@code href}
	 */
	public String to(int page) {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		return UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(request.getQueryString())
			.replaceQueryParam("page", page)
			.build()
			.toUriString();
	}

}
