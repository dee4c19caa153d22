/**
 * The asset register's pages and API: thin controllers over
 * {@link jp.itaku.asset.AssetRegister}.
 */
package jp.itaku.asset.web;
