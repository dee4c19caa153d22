package jp.itaku.asset;

import java.util.Locale;
import java.util.UUID;

import jp.itaku.platform.database.TransactionLocks;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Issues the numbers of a contract's register records — custody receipts, requests and
 * shipments — one at a time per contract and kind, also across nodes: each number is
 * taken under a transaction-scoped advisory lock, so the caller's transaction must store
 * the record before it ends. Each kind's prefix is the message bundles'
 * ({@code asset.receipt.numberPrefix} 預, {@code asset.request.numberPrefix} 申,
 * {@code asset.shipment.numberPrefix} 送), taken in Japanese: the number is printed on the
 * Japanese written forms and stored.
 */
@Component
class AssetNumbers {

	private final AssetReceiptRepository receipts;

	private final AssetRequestRepository requests;

	private final AssetShipmentRepository shipments;

	private final MessageSource messages;

	private final TransactionLocks locks;

	AssetNumbers(AssetReceiptRepository receipts, AssetRequestRepository requests, AssetShipmentRepository shipments,
			MessageSource messages, TransactionLocks locks) {
		this.receipts = receipts;
		this.requests = requests;
		this.shipments = shipments;
		this.messages = messages;
		this.locks = locks;
	}

	/**
	 * Returns the next custody receipt number of a contract and year.
	 * @param contractId the contract
	 * @param year the year of receipt (Tokyo)
	 * @return the number
	 */
	ReceiptNumber nextReceipt(UUID contractId, int year) {
		lock("asset_receipt:" + contractId);
		return ReceiptNumber.next(prefix("asset.receipt.numberPrefix"), year, this.receipts.lastSeq(contractId, year));
	}

	/**
	 * Returns the next request number of a contract and year.
	 * @param contractId the contract
	 * @param year the year of application (Tokyo)
	 * @return the number
	 */
	ReceiptNumber nextRequest(UUID contractId, int year) {
		lock("asset_request:" + contractId);
		return ReceiptNumber.next(prefix("asset.request.numberPrefix"), year, this.requests.lastSeq(contractId, year));
	}

	/**
	 * Returns the next shipment number of a contract: its shipments are counted over all
	 * years, the year printed is the year of shipping.
	 * @param contractId the contract
	 * @param year the year of shipping (Tokyo)
	 * @return the number
	 */
	ReceiptNumber nextShipment(UUID contractId, int year) {
		lock("asset_shipment:" + contractId);
		return new ReceiptNumber(prefix("asset.shipment.numberPrefix"), year,
				(int) this.shipments.countByContractId(contractId) + 1);
	}

	private String prefix(String key) {
		return this.messages.getMessage(key, null, Locale.JAPANESE);
	}

	private void lock(String key) {
		// The lock ends with the caller's transaction.
		this.locks.lock(key);
	}

}
