/**
 * The asset register's pages and API: thin controllers over
 * {@link jp.itaku.asset.AssetRegister}.
 */
@NullMarked
package jp.itaku.asset.web;

import org.jspecify.annotations.NullMarked;
