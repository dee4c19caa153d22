package jp.itaku.worksite;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface WorkShiftRepository extends JpaRepository<WorkShift, UUID> {

	List<WorkShift> findByScheduleIdOrderByMemberNameAscDayAsc(UUID scheduleId);

	@Query("select new jp.itaku.worksite.ShiftCell(s.memberId, s.day, s.off, s.startsAt, s.endsAt) from WorkShift s"
			+ " where s.scheduleId in :scheduleIds")
	List<ShiftCell> cellsOf(Collection<UUID> scheduleIds);

	@Modifying(flushAutomatically = true, clearAutomatically = false)
	@Query("delete from WorkShift s where s.scheduleId = :scheduleId")
	void deleteBySchedule(UUID scheduleId);

}
