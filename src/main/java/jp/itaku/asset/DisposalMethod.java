package jp.itaku.asset;

/**
 * How assets leave the contractor at the end: destroyed or erased (disposal), or handed
 * back (return).
 */
public enum DisposalMethod {

	/** 裁断 (shredding). */
	SHREDDING(false),

	/** 溶解 (pulping). */
	DISSOLUTION(false),

	/** 物理的破壊 (physical destruction of a medium). */
	PHYSICAL_DESTRUCTION(false),

	/** 消去ソフトウェア等による完全消去 (secure erasure). */
	SECURE_ERASURE(false),

	/** 磁気消去 (degaussing). */
	DEGAUSSING(false),

	/** 手渡しによる返還 (handed back in person). */
	HAND_DELIVERY(true),

	/** 追跡可能な郵送・宅配による返還 (sent back by a trackable service). */
	TRACKED_DELIVERY(true);

	private final boolean forReturn;

	DisposalMethod(boolean forReturn) {
		this.forReturn = forReturn;
	}

	/**
	 * Returns whether the method belongs to a return rather than a disposal.
	 * @return {@code true} for the return methods
	 */
	public boolean isForReturn() {
		return this.forReturn;
	}

}
