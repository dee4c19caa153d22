package jp.itaku.notice;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.TriggerProducer;

import org.springframework.stereotype.Component;

/**
 * The triggers the notices raise: one per {@link NoticeKind}.
 */
@Component
class NoticeTriggers implements TriggerProducer {

	@Override
	public Set<ObligationTrigger> produces() {
		return Stream.of(NoticeKind.values()).map(NoticeKind::trigger).collect(Collectors.toSet());
	}

}
