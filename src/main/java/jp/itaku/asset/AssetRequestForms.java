package jp.itaku.asset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import jp.itaku.contract.Contract;
import jp.itaku.document.PdfForm;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.platform.Dates;
import jp.itaku.platform.ItakuTime;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders the written forms (書面) of the requests in Japanese: the application the client
 * approves (申請書), the disposal certificate (廃棄証明書), the return receipt (返却受領書) and the
 * extracts of the registers (管理簿) the movements go into.
 */
@Component
class AssetRequestForms {

	private final MessageSource messages;

	private final OrganisationSystemReads organisationReads;

	AssetRequestForms(MessageSource messages, OrganisationSystemReads organisationReads) {
		this.organisationReads = organisationReads;
		this.messages = messages;
	}

	byte[] application(Contract contract, AssetRequest request, String applicant, List<AssetEvent> items,
			@Nullable AssetBackup backup) {
		PdfForm form = head(PdfForm.titled(text("asset.request.pdf.title." + request.getType().name())), contract)
			.createdAt(request.getRequestedAt())
			.line(text("asset.request.number"), request.getNumber())
			.line(text("asset.request.requestedAt"), when(request.getRequestedAt()))
			.line(text("asset.request.applicant"), applicant)
			.line(text("asset.request.purpose"), request.getPurpose());
		details(form, request);
		if (request.isIncludeBackups() && backup != null) {
			form.line(text("asset.backup.title"),
					text("asset.pdf.withNote", backup.getDescription(), backup.getStorage()));
		}
		form.paragraph(text("asset.request.pdf.sentence." + request.getType().name()));
		items(form, items);
		return form.toPdf();
	}

	byte[] certificate(Contract contract, AssetRequest request, List<AssetEvent> items, @Nullable AssetBackup backup) {
		// made when a disposal is reported done, with the method its form required
		Instant completedAt = Objects.requireNonNull(request.getCompletedAt());
		DisposalMethod method = Objects.requireNonNull(request.getMethod());
		PdfForm form = head(PdfForm.titled(text("asset.certificate.title")), contract).createdAt(completedAt)
			.line(text("asset.request.number"), request.getNumber())
			.line(text("asset.certificate.doneAt"), when(completedAt))
			.line(text("asset.request.method"), text("asset.method." + method.name()))
			.line(text("asset.certificate.personInCharge"), request.getCompletedByName())
			.line(text("asset.request.decidedBy"),
					text("asset.pdf.withNote", request.getDecidedByName(), when(request.getDecidedAt())));
		if (request.getThirdParty() != null) {
			form.line(text("asset.request.thirdParty"), request.getThirdParty());
		}
		if (request.getWitnessName() != null) {
			form.line(text("asset.request.witness"),
					text("asset.pdf.withNote", request.getWitnessName(), when(request.getWitnessedAt())
							+ ((request.getWitnessRemarks() != null) ? " " + request.getWitnessRemarks() : "")));
		}
		form.line(text("asset.certificate.detail"), request.getCompletionDetail());
		if (request.isIncludeBackups() && backup != null) {
			form.line(text("asset.backup.title"),
					text("asset.pdf.withNote", backup.getDescription(), backup.getStorage()));
		}
		form.paragraph(text("asset.certificate.sentence", organisationName(contract.getClientOrganisationId())));
		items(form, items);
		return form.toPdf();
	}

	/**
	 * Renders the return note (返還書) the contractor submits when it has handed the assets
	 * back, or — once the client confirmed receipt — the return receipt (返還受領書).
	 */
	byte[] returnReceipt(Contract contract, AssetRequest request, List<AssetEvent> items,
			@Nullable String confirmedBy) {
		boolean confirmed = confirmedBy != null;
		// made when a return is reported done (and again when confirmed), with the method
		// its form required
		Instant createdAt = Objects.requireNonNull(confirmed ? request.getConfirmedAt() : request.getCompletedAt());
		DisposalMethod method = Objects.requireNonNull(request.getMethod());
		PdfForm form = head(PdfForm.titled(text(confirmed ? "asset.returnReceipt.title" : "asset.returnNote.title")),
				contract)
			.createdAt(createdAt)
			.line(text("asset.request.number"), request.getNumber())
			.line(text("asset.returnReceipt.returnedAt"), when(request.getCompletedAt()))
			.line(text("asset.request.method"), text("asset.method." + method.name()))
			.line(text("asset.certificate.personInCharge"), request.getCompletedByName())
			.line(text("asset.returnReceipt.receivedBy"), request.getReceivedByName());
		if (confirmed) {
			form.line(text("asset.returnReceipt.confirmedBy"),
					text("asset.pdf.withNote", confirmedBy, when(request.getConfirmedAt())));
		}
		form.line(text("asset.certificate.detail"), request.getCompletionDetail())
			.paragraph(confirmed
					? text("asset.returnReceipt.sentence", organisationName(contract.getContractorOrganisationId()))
					: text("asset.returnNote.sentence", organisationName(contract.getClientOrganisationId())));
		items(form, items);
		return form.toPdf();
	}

	/**
	 * Renders the rows a request added to its register: one row per asset with the
	 * columns the clauses list (Nerima 18⑵ for take-outs: contents, out, who, approver,
	 * purpose, destination, return, who confirmed).
	 */
	byte[] registerExtract(Contract contract, AssetRequest request, List<AssetEvent> items) {
		PdfForm form = head(PdfForm.titled(text("asset.registerExtract.title." + request.getType().name())), contract)
			.line(text("asset.request.number"), request.getNumber());
		List<String> headers = List.of(text("asset.pdf.description"), text("asset.registerExtract.start"),
				text("asset.registerExtract.person"), text("asset.request.decidedBy"), text("asset.request.purpose"),
				text("asset.request.destination"), text("asset.registerExtract.end"),
				text("asset.registerExtract.confirmedBy"));
		List<List<String>> rows = new ArrayList<>();
		List<String> subjects = items.isEmpty() ? List.of(nonNull(request.getItemDescription()))
				: items.stream()
					.map((e) -> text("asset.pdf.quantityOf", e.getDescription(), String.valueOf(e.getQuantity())))
					.toList();
		for (String subject : subjects) {
			rows.add(List.of(subject,
					when((request.getStartedAt() != null) ? request.getStartedAt() : request.getCompletedAt()),
					nonNull((request.getStartedByName() != null) ? request.getStartedByName()
							: request.getPersonName()),
					nonNull(request.getDecidedByName()), request.getPurpose(), nonNull(request.getDestination()),
					(request.getStartedAt() != null) ? when(request.getCompletedAt()) : "",
					(request.getStartedAt() != null) ? nonNull(request.getCompletedByName()) : ""));
		}
		form.table(headers, new float[] { 3, 2, 2, 2, 3, 2, 2, 2 }, rows);
		return form.toPdf();
	}

	byte[] shipmentExtract(Contract contract, AssetShipment shipment, AssetEvent item) {
		PdfForm form = head(PdfForm.titled(text("asset.shipment.pdf.title")), contract)
			.line(text("asset.shipment.number"), shipment.getNumber());
		form.table(
				List.of(text("asset.pdf.description"), text("asset.shipment.shippedAt"), text("asset.shipment.method"),
						text("asset.shipment.trackingNumber"), text("asset.shipment.protection"),
						text("asset.shipment.destination"), text("asset.shipment.sender")),
				new float[] { 3, 2, 2, 2, 2, 3, 2 },
				List.of(List.of(text("asset.pdf.quantityOf", item.getDescription(), String.valueOf(item.getQuantity())),
						when(shipment.getShippedAt()), text("asset.shipment.method." + shipment.getMethod().name()),
						nonNull(shipment.getTrackingNumber()),
						AssetFormText.measures(this::text, shipment.isEncrypted(), shipment.isPasswordProtected(),
								shipment.isLockedContainer(), shipment.isConfidential(), null),
						text("asset.pdf.withNote", shipment.getDestination(), shipment.getRecipient()),
						shipment.getSenderName())));
		return form.toPdf();
	}

	String fileName(String what, String number) {
		return what + "_" + number + ".pdf";
	}

	String text(String key, @Nullable Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.JAPANESE);
	}

	private PdfForm head(PdfForm form, Contract contract) {
		return form.line(text("asset.pdf.contract"), contract.getNumber() + " " + contract.getTitle())
			.line(text("asset.pdf.client"), organisationName(contract.getClientOrganisationId()))
			.line(text("asset.pdf.contractor"), organisationName(contract.getContractorOrganisationId()));
	}

	private void details(PdfForm form, AssetRequest request) {
		switch (request.getType()) {
			case COPY -> form.line(text("asset.request.copies"), request.getCopies())
				.line(text("asset.request.plannedStart.COPY"), when(request.getPlannedStart()));
			case TAKE_OUT, BRING_IN -> {
				if (request.getType() == RequestType.BRING_IN) {
					form.line(text("asset.request.itemDescription"), text("asset.pdf.labelled",
							// the form's problems() refuses a bring-in without its kind
							text("asset.bringIn.kind." + Objects.requireNonNull(request.getItemKind()).name()),
							request.getItemDescription()));
				}
				form.line(text("asset.request.destination." + request.getType().name()), request.getDestination())
					.line(text("asset.request.person." + request.getType().name()), request.getPersonName())
					.line(text("asset.request.period"),
							text("asset.pdf.period", when(request.getPlannedStart()), when(request.getPlannedEnd())))
					.line(text("asset.request.measures"), measures(request));
			}
			case DISPOSAL, RETURN -> {
				// the form's problems() refuses a disposal or return without its method
				form.line(text("asset.request.method"),
						text("asset.method." + Objects.requireNonNull(request.getMethod()).name()))
					.line(text("asset.request.plannedStart." + request.getType().name()),
							when(request.getPlannedStart()));
				if (request.getThirdParty() != null) {
					form.line(text("asset.request.thirdParty"), request.getThirdParty());
				}
			}
		}
	}

	private void items(PdfForm form, List<AssetEvent> items) {
		if (items.isEmpty()) {
			return;
		}
		form.table(
				List.of(text("asset.pdf.kind"), text("asset.pdf.description"), text("asset.pdf.quantity"),
						text("asset.pdf.flags")),
				new float[] { 2, 5, 1, 3 },
				items.stream()
					.map((e) -> List.of(text("asset.kind." + e.getKind().name()), e.getDescription(),
							String.valueOf(e.getQuantity()), AssetFormText.flags(e, this::text)))
					.toList());
	}

	String measures(AssetRequest request) {
		return AssetFormText.measures(this::text, request.isEncrypted(), request.isPasswordProtected(),
				request.isLockedContainer(), false, request.getOtherMeasures());
	}

	private static String when(@Nullable Instant instant) {
		if (instant == null) {
			return "";
		}
		var at = ItakuTime.inTokyo(instant);
		return Dates.wareki(at.toLocalDate()) + " " + String.format("%d:%02d", at.getHour(), at.getMinute());
	}

	private static String nonNull(@Nullable String text) {
		return (text != null) ? text : "";
	}

	private String organisationName(UUID id) {
		return this.organisationReads.findUnscoped(id).map(Organisation::getName).orElse("");
	}

}
