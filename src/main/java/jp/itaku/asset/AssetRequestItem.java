package jp.itaku.asset;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * An asset a request is about.
 */
@Entity
@Table(name = "asset_request_item")
@IdClass(AssetRequestItem.Key.class)
class AssetRequestItem {

	@Id
	@Column(name = "request_id")
	private UUID requestId;

	@Id
	@Column(name = "asset_id")
	private UUID assetId;

	@Column(nullable = false)
	private int position;

	protected AssetRequestItem() {
	}

	AssetRequestItem(UUID requestId, UUID assetId, int position) {
		this.requestId = requestId;
		this.assetId = assetId;
		this.position = position;
	}

	UUID getRequestId() {
		return this.requestId;
	}

	UUID getAssetId() {
		return this.assetId;
	}

	int getPosition() {
		return this.position;
	}

	static class Key implements Serializable {

		private @Nullable UUID requestId;

		private @Nullable UUID assetId;

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && Objects.equals(this.requestId, key.requestId)
					&& Objects.equals(this.assetId, key.assetId);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.requestId, this.assetId);
		}

	}

}
