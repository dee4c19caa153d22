package jp.itaku.asset;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jp.itaku.contract.Contract;
import jp.itaku.document.PdfForm;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.platform.Dates;
import jp.itaku.platform.ItakuTime;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders the custody receipt (預かり証, Setagaya 26) the contractor gives the client for a
 * receipt: number, contract and parties, date and time, the items with their flags, the
 * receiver and a sentence of receipt, in Japanese.
 */
@Component
class CustodyReceiptForm {

	private final MessageSource messages;

	private final OrganisationSystemReads organisationReads;

	CustodyReceiptForm(MessageSource messages, OrganisationSystemReads organisationReads) {
		this.organisationReads = organisationReads;
		this.messages = messages;
	}

	byte[] render(Contract contract, AssetReceipt receipt, List<AssetEvent> items) {
		var at = ItakuTime.inTokyo(receipt.getReceivedAt());
		String client = organisationName(contract.getClientOrganisationId());
		PdfForm form = PdfForm.titled(text("asset.pdf.title"))
			.line(text("asset.pdf.number"), receipt.getNumber())
			.line(text("asset.pdf.client"), client)
			.line(text("asset.pdf.contractor"), organisationName(contract.getContractorOrganisationId()))
			.line(text("asset.pdf.contract"), contract.getNumber() + " " + contract.getTitle())
			.line(text("asset.pdf.receivedAt"),
					Dates.wareki(at.toLocalDate()) + " " + String.format("%d:%02d", at.getHour(), at.getMinute()))
			.line(text("asset.pdf.handedOverBy"), receipt.getHandedOverBy())
			.line(text("asset.pdf.receiver"), receipt.getReceiverName())
			.paragraph(text("asset.pdf.sentence", client));
		List<List<String>> rows = items.stream()
			.map((e) -> List.of(text("asset.kind." + e.getKind().name()), e.getDescription(),
					String.valueOf(e.getQuantity()), AssetFormText.flags(e, this::text), storage(e)))
			.toList();
		form.table(List.of(text("asset.pdf.kind"), text("asset.pdf.description"), text("asset.pdf.quantity"),
				text("asset.pdf.flags"), text("asset.pdf.storage")), new float[] { 2, 4, 1, 3, 3 }, rows);
		return form.toPdf();
	}

	/**
	 * Renders the rows of the receipt register (受領記録簿, Setagaya 26) a receipt added: date
	 * and time, receiver, kind and description of each item.
	 */
	byte[] registerExtract(Contract contract, AssetReceipt receipt, List<AssetEvent> items) {
		var at = ItakuTime.inTokyo(receipt.getReceivedAt());
		String when = Dates.wareki(at.toLocalDate()) + " " + String.format("%d:%02d", at.getHour(), at.getMinute());
		PdfForm form = PdfForm.titled(text("asset.register.pdf.title"))
			.line(text("asset.pdf.contract"), contract.getNumber() + " " + contract.getTitle())
			.line(text("asset.pdf.contractor"), organisationName(contract.getContractorOrganisationId()))
			.line(text("asset.pdf.number"), receipt.getNumber())
			.paragraph(text("asset.register.pdf.lead"));
		List<List<String>> rows = items.stream()
			.map((e) -> List.of(when, receipt.getReceiverName(), text("asset.kind." + e.getKind().name()),
					e.getDescription(), String.valueOf(e.getQuantity())))
			.toList();
		form.table(
				List.of(text("asset.pdf.receivedAt"), text("asset.pdf.receiver"), text("asset.pdf.kind"),
						text("asset.pdf.description"), text("asset.pdf.quantity")),
				new float[] { 3, 2, 2, 4, 1 }, rows);
		return form.toPdf();
	}

	String registerFileName(AssetReceipt receipt) {
		return text("asset.register.file") + "_" + receipt.getNumber() + ".pdf";
	}

	String fileName(AssetReceipt receipt) {
		return text("asset.receipt.file") + "_" + receipt.getNumber() + ".pdf";
	}

	String subject(String number) {
		return text("asset.obligation.subject", number);
	}

	String comment(String number) {
		return text("asset.obligation.comment", number);
	}

	String registerComment(String number) {
		return text("asset.register.comment", number);
	}

	private String storage(AssetEvent e) {
		String where = text("asset.storage." + e.getStorage().name());
		return (e.getStorageDetail() != null) ? text("asset.pdf.withNote", where, e.getStorageDetail()) : where;
	}

	private String organisationName(UUID id) {
		return this.organisationReads.findUnscoped(id).map(Organisation::getName).orElse("");
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.JAPANESE);
	}

}
