package jp.itaku.asset;

/**
 * How a medium or document is sent (Nerima 17, Setagaya 27).
 */
public enum ShipmentMethod {

	/** 特定記録郵便. */
	TRACKED_MAIL(true),

	/** 書留. */
	REGISTERED_MAIL(true),

	/** 宅配便（追跡番号付き）. */
	COURIER(true),

	/** 手渡し・持参. */
	HAND_CARRY(true),

	/** 普通郵便 (no tracking). */
	ORDINARY_MAIL(false);

	private final boolean trackable;

	ShipmentMethod(boolean trackable) {
		this.trackable = trackable;
	}

	/**
	 * Returns whether the way is trackable (追跡可能な移送手段): by a tracked service or carried
	 * by hand.
	 * @return {@code true} when trackable
	 */
	public boolean isTrackable() {
		return this.trackable;
	}

	/**
	 * Returns whether a tracking number identifies the sending.
	 * @return {@code true} for the postal and courier services that track
	 */
	public boolean hasTrackingNumber() {
		return this.trackable && this != HAND_CARRY;
	}

}
