package jp.itaku.export.web;

import java.util.UUID;

import jp.itaku.export.ObligationWorkbooks;
import jp.itaku.platform.CurrentActor;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The Excel download on a contract's page: its obligations as a workbook, for any party
 * to the contract.
 */
@Controller
class WorkbookController {

	private final ObligationWorkbooks workbooks;

	WorkbookController(ObligationWorkbooks workbooks) {
		this.workbooks = workbooks;
	}

	@GetMapping("/contracts/{id}/obligations.xlsx")
	ResponseEntity<byte[]> download(@PathVariable("id") UUID id) {
		return Downloads.attachment(this.workbooks.export(CurrentActor.require(), id));
	}

}
