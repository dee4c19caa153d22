package jp.itaku.platform;

/**
 * A piece of a page that one module contributes to a page another module owns (a tool on
 * the contract page, an alert on the dashboard, a banner above every page): the
 * contributing module's own Thymeleaf fragment and the data it shows. The owning page
 * inserts {@code ~{template :: fragment}} with the data in the variable {@code section},
 * so that no template calls another module's bean and the module graph stays visible to
 * {@code ApplicationModules.verify()}.
 *
 * @param template the contributing module's template, e.g. {@code worksite/sections}
 * @param fragment the fragment's name in it
 * @param data what the fragment shows, as the variable {@code section}
 */
public record PageFragment(String template, String fragment, Object data) {

}
