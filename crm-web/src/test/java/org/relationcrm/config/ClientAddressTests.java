package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The address the login throttle counts; an IPv6 client, who usually holds a whole /64, counts as that /64. */
class ClientAddressTests {

    @Test
    void anIpv4AddressIsCountedAsItIs() {
        assertThat(ClientAddress.of(from("203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void ipv6AddressesOfOneSlash64CountTogether() {
        String one = ClientAddress.of(from("2001:db8:1:2:aaaa::1"));
        assertThat(one).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.of(from("2001:db8:1:2:ffff:eeee:dddd:cccc"))).isEqualTo(one);
        assertThat(ClientAddress.of(from("2001:db8:1:3::1"))).isNotEqualTo(one);
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        return request;
    }
}
