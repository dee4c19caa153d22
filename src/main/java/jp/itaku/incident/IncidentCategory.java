package jp.itaku.incident;

import jp.itaku.catalog.TriggerEvent;

/**
 * What happened: the union of the four regimes' lists (Setagaya 35 and 36(1)–(6), Kadoma
 * 12(1)ア, Nerima 24, Gunma 16). Labels are {@code incident.category.NAME}.
 */
public enum IncidentCategory {

	/** 滅失・紛失 (Setagaya 36(1), Kadoma 12(1)ア). */
	LOSS,

	/** 毀損・破壊 (Setagaya 36(2), Nerima 24). */
	DAMAGE,

	/** 漏えい (Setagaya 36(3), Kadoma 12(1)ア, Nerima 24). */
	LEAK,

	/** 不正アクセス (Setagaya 36(4)). */
	UNAUTHORISED_ACCESS,

	/** 改ざん (Nerima 24). */
	TAMPERING,

	/** 消去 (Nerima 24). */
	ERASURE,

	/** 情報セキュリティポリシー・特記事項・法令の違反 (Setagaya 36(5), Nerima 24). */
	POLICY_VIOLATION,

	/** 業務上のトラブル、災害、機器の不良・故障・破損 (Setagaya 35, Kadoma 10). */
	TROUBLE,

	/** その他情報セキュリティに悪影響を及ぼす事象 (Setagaya 36(6), Gunma 16). */
	OTHER;

	/**
	 * Returns the event whose obligations a report of this category raises: a trouble
	 * (Setagaya 35, Kadoma 10) raises TROUBLE; a suspected incident the "risk of an
	 * incident" duties (INCIDENT_RISK); anything else INCIDENT.
	 * @param suspected whether the incident is only suspected
	 * @return the trigger event
	 */
	public TriggerEvent trigger(boolean suspected) {
		if (this == TROUBLE) {
			return TriggerEvent.TROUBLE;
		}
		return suspected ? TriggerEvent.INCIDENT_RISK : TriggerEvent.INCIDENT;
	}

}
