package jp.itaku.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the profiles shipped with the application are.
 *
 * @param bundled a resource pattern of the profile files loaded at start-up
 */
@ConfigurationProperties("itaku.catalog")
record CatalogProperties(@DefaultValue("classpath:catalog/profiles/*.yaml") String bundled) {
}
