package org.ctoforum.notifications.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZonedDateTime;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;

/**
 * Mails the daily digests at the configured hour of the portal's time zone. Rows are claimed with SKIP LOCKED, so
 * nodes of a cluster that fire together do not mail twice; the outbox retries what the SMTP server refuses.
 */
@Singleton
public class DigestJob {

    @Inject
    Notifications notifications;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "0", persistent = false)
    void everyHour() {
        if (ZonedDateTime.now(clock.withZone(settings.timeZone())).getHour()
                == settings.number(PortalSetting.DIGEST_HOUR)) {
            notifications.sendDigests();
        }
    }
}
