package org.ctoforum.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static ClientAddress trusting(String proxies) {
        ClientAddress address = new ClientAddress();
        address.settings = Settings.of(Map.of(PortalSetting.TRUSTED_PROXIES, proxies));
        return address;
    }

    @Test
    void withoutTrustedProxiesTheConnectionIsTheClient() {
        assertEquals("192.0.2.7", trusting("").of("192.0.2.7", List.of("198.51.100.1")));
    }

    @Test
    void behindATrustedProxyTheRightmostUntrustedHopIsTheClient() {
        ClientAddress address = trusting("10.0.0.5, 10.0.0.6");
        assertEquals("198.51.100.1", address.of("10.0.0.5", List.of("198.51.100.1")));
        // Whatever the client wrote itself stays on the left, and is ignored.
        assertEquals("198.51.100.1", address.of("10.0.0.5", List.of("6.6.6.6, 198.51.100.1, 10.0.0.6")));
        assertEquals("198.51.100.1", address.of("10.0.0.5", List.of("6.6.6.6", "198.51.100.1")));
    }

    @Test
    void aProxyThatForwardsNothingIsTheClient() {
        assertEquals("10.0.0.5", trusting("10.0.0.5").of("10.0.0.5", List.of()));
        assertEquals("10.0.0.5", trusting("10.0.0.5").of("10.0.0.5", List.of(" , ")));
    }
}
