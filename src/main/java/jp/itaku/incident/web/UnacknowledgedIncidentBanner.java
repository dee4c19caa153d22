package jp.itaku.incident.web;

import java.util.List;
import java.util.Optional;

import jp.itaku.incident.Incidents;
import jp.itaku.platform.Actor;
import jp.itaku.platform.PageFragment;
import jp.itaku.platform.web.PageBanner;

import org.springframework.stereotype.Component;

/**
 * The banner above every page while an incident the user must acknowledge is not yet
 * acknowledged.
 */
@Component
class UnacknowledgedIncidentBanner implements PageBanner {

	private final Incidents incidents;

	UnacknowledgedIncidentBanner(Incidents incidents) {
		this.incidents = incidents;
	}

	@Override
	public Optional<PageFragment> banner(Actor actor) {
		List<Incidents.Unacknowledged> unacknowledged = this.incidents.unacknowledged(actor);
		return unacknowledged.isEmpty() ? Optional.empty()
				: Optional.of(new PageFragment("incidents/sections", "banner", unacknowledged));
	}

}
