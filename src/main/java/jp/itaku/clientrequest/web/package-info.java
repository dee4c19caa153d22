/**
 * The pages and API of the client's requests.
 */
@NullMarked
package jp.itaku.clientrequest.web;

import org.jspecify.annotations.NullMarked;
