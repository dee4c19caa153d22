/**
 * Platform: what every module stands on and no module owns — the acting user, Asia/Tokyo
 * time, errors as problem details, message bundles, field encryption and the embedded
 * database.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.itaku.platform;

import org.jspecify.annotations.NullMarked;
