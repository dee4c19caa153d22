package jp.itaku.document;

import java.text.Normalizer;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Makes an uploaded file's name safe to show and to keep: the last path segment only
 * (browsers on Windows may send {@code C:\…\name}), no control or invisible format
 * characters (a right-to-left override can disguise {@code .exe} as {@code .pdf}), in
 * Unicode NFC (macOS sends decomposed kana), at most {@value #MAX_LENGTH} characters.
 * Japanese and every other script are kept.
 */
final class FileNames {

	static final int MAX_LENGTH = 255;

	private FileNames() {
	}

	/**
	 * Sanitises a file name for display.
	 * @param fileName the name as uploaded, possibly {@code null}
	 * @return the safe name, possibly empty
	 */
	static String displayName(@Nullable String fileName) {
		if (fileName == null) {
			return "";
		}
		StringBuilder visible = new StringBuilder(fileName.length());
		Normalizer.normalize(fileName, Normalizer.Form.NFC)
			.codePoints()
			.filter(FileNames::isVisible)
			.forEach(visible::appendCodePoint);
		String name = visible.toString();
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
		return shorten(name);
	}

	/**
	 * The extension of a file name.
	 * @param name a sanitised file name
	 * @return the part after the last dot in lower case, or empty
	 */
	static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return (dot < 0) ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static boolean isVisible(int codePoint) {
		int type = Character.getType(codePoint);
		return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
				&& type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
	}

	private static String shorten(String name) {
		if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String suffix = (dot >= 0 && name.length() - dot <= 16) ? name.substring(dot) : "";
		int keep = MAX_LENGTH - suffix.codePointCount(0, suffix.length());
		return name.substring(0, name.offsetByCodePoints(0, keep)) + suffix;
	}

}
