package jp.itaku.incident.web;

import java.util.List;

import jp.itaku.incident.Incidents;
import jp.itaku.platform.Actor;

import org.springframework.stereotype.Component;

/**
 * The banner on every page a client user sees while an incident of their organisation
 * awaits a security administrator's acknowledgement. Used from the layout as
 * {@code @incidentBanner.of(currentActor)}: one indexed query per page.
 */
@Component("incidentBanner")
public class IncidentBanner {

	private final Incidents incidents;

	IncidentBanner(Incidents incidents) {
		this.incidents = incidents;
	}

	/**
	 * Returns the unacknowledged incidents to announce.
	 * @param actor the signed-in user, may be {@code null}
	 * @return the incidents, oldest first; empty for anyone not of a client
	 */
	public List<Incidents.Unacknowledged> of(Actor actor) {
		return this.incidents.unacknowledged(actor);
	}

}
