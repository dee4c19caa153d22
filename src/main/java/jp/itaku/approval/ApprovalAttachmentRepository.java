package jp.itaku.approval;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApprovalAttachmentRepository extends JpaRepository<ApprovalAttachment, UUID> {

	List<ApprovalAttachment> findByApprovalIdOrderByUploadedAtAsc(UUID approvalId);

}
