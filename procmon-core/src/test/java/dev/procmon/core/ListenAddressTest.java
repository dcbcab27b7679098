package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** {@code [HOST:]PORT} as the command line's {@code --prometheus} and the agent's {@code prometheus=} give it. */
class ListenAddressTest {

    @Test
    void aBarePortIsTheLoopbackAddressOnly() {
        assertThat(ListenAddress.parse("9464"))
                .isEqualTo(new InetSocketAddress(InetAddress.getLoopbackAddress(), 9464));
        assertThat(ListenAddress.parse("0").getPort()).isZero();
    }

    @Test
    void hostAndPortAndABracketedIpv6Host() {
        InetSocketAddress any = ListenAddress.parse("0.0.0.0:9464");
        assertThat(any.getAddress().isAnyLocalAddress()).isTrue();
        assertThat(any.getPort()).isEqualTo(9464);
        InetSocketAddress v6 = ListenAddress.parse("[::1]:80");
        assertThat(v6.getAddress().isLoopbackAddress()).isTrue();
        assertThat(v6.getPort()).isEqualTo(80);
    }

    @Test
    void badTextIsOneLineNamingWhatIsWrong() {
        assertThatThrownBy(() -> ListenAddress.parse("localhost:http"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'localhost:http' is not [HOST:]PORT");
        assertThatThrownBy(() -> ListenAddress.parse(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'' is not [HOST:]PORT");
        assertThatThrownBy(() -> ListenAddress.parse("localhost:99999"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port 99999 is not between 0 and 65535");
        assertThatThrownBy(() -> ListenAddress.parse("-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port -1 is not between 0 and 65535");
        assertThatThrownBy(() -> ListenAddress.parse("no-such-host.invalid:80"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown host 'no-such-host.invalid'");
    }
}
