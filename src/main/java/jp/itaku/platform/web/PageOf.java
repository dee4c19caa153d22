package jp.itaku.platform.web;

import java.util.List;

/**
 * One page of a list a page shows a part at a time (the pager's {@code page} parameter,
 * counted from 0): a page number out of range, or no number at all, reads as the nearest
 * page, never an error.
 *
 * @param <T> what the list holds
 * @param items the items of this page
 * @param page this page's number, from 0
 * @param pages how many pages the list fills (at least 1)
 * @param total how many items the whole list holds
 */
public record PageOf<T>(List<T> items, int page, int pages, int total) {

	/**
	 * The page of a list.
	 * @param <T> what the list holds
	 * @param all the whole list, in the order shown
	 * @param page the page asked for, as the request wrote it (may be blank or not a
	 * number)
	 * @param size items per page
	 * @return the page
	 */
	public static <T> PageOf<T> of(List<T> all, String page, int size) {
		int pages = Math.max(1, (all.size() + size - 1) / size);
		int number;
		try {
			number = Integer.parseInt(page.strip());
		}
		catch (NumberFormatException ex) {
			number = 0;
		}
		int shown = Math.min(Math.max(0, number), pages - 1);
		return new PageOf<>(all.subList(shown * size, Math.min(all.size(), (shown + 1) * size)), shown, pages,
				all.size());
	}

	/**
	 * Returns whether a previous page exists.
	 * @return {@code true} after the first page
	 */
	public boolean hasPrevious() {
		return this.page > 0;
	}

	/**
	 * Returns whether a next page exists.
	 * @return {@code true} before the last page
	 */
	public boolean hasNext() {
		return this.page + 1 < this.pages;
	}

}
