package jp.itaku.subcontract.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.itaku.catalog.Deliverable;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.subcontract.SubcontractDocuments;

import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reads the subcontractor's documents from a multipart request, page or API alike: the
 * files of each document type come in the part named {@code document-<type>} (e.g.
 * {@code document-SECURITY_RULES}), one or more per type.
 */
final class DocumentUploads {

	private static final String PREFIX = "document-";

	private DocumentUploads() {
	}

	/**
	 * Returns the files per document type; empty parts (a file input left blank) are
	 * dropped.
	 * @param parts the request's file parts, empty for a request without files
	 * @return the files per type
	 * @throws InvalidInputProblem naming a part whose type is not a document
	 */
	static Map<Deliverable, List<SubcontractDocuments.Upload>> of(
			@Nullable MultiValueMap<String, MultipartFile> parts) {
		Map<Deliverable, List<SubcontractDocuments.Upload>> documents = new LinkedHashMap<>();
		if (parts == null) {
			return documents;
		}
		for (Map.Entry<String, List<MultipartFile>> part : parts.entrySet()) {
			if (!part.getKey().startsWith(PREFIX)) {
				continue;
			}
			Deliverable type = type(part.getKey().substring(PREFIX.length()));
			if (type == null || type.form() != Deliverable.Form.DOCUMENT) {
				throw new InvalidInputProblem(part.getKey(), "subcontract.documents.error.type");
			}
			List<SubcontractDocuments.Upload> uploads = files(part.getValue());
			if (!uploads.isEmpty()) {
				documents.computeIfAbsent(type, (t) -> new ArrayList<>()).addAll(uploads);
			}
		}
		return documents;
	}

	/**
	 * Returns the non-empty files of a part.
	 * @param files the files, or {@code null}
	 * @return the uploads
	 */
	static List<SubcontractDocuments.Upload> files(@Nullable List<MultipartFile> files) {
		return (files == null) ? List.of()
				: files.stream()
					.filter((f) -> !f.isEmpty())
					.map((f) -> new SubcontractDocuments.Upload(f.getOriginalFilename(), f.getContentType(), f))
					.toList();
	}

	/**
	 * Returns the document type a name gives.
	 * @param name e.g. {@code ROSTER}
	 * @return the type, or {@code null} when the name is none
	 */
	static @Nullable Deliverable type(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return Deliverable.valueOf(name.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
