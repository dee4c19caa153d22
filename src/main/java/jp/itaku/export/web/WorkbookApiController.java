package jp.itaku.export.web;

import java.util.UUID;

import jp.itaku.export.ObligationWorkbooks;
import jp.itaku.platform.CurrentActor;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A contract's obligations as an Excel workbook over the REST API, scoped and audited as
 * in the UI.
 */
@RestController
class WorkbookApiController {

	private final ObligationWorkbooks workbooks;

	WorkbookApiController(ObligationWorkbooks workbooks) {
		this.workbooks = workbooks;
	}

	@GetMapping("/api/v1/contracts/{id}/obligations.xlsx")
	ResponseEntity<byte[]> download(@PathVariable("id") UUID id) {
		return Downloads.attachment(this.workbooks.export(CurrentActor.require(), id));
	}

}
