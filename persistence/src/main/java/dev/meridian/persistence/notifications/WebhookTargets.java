package dev.meridian.persistence.notifications;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where a webhook may be posted. A tenant's admin chooses the URL, but Meridian posts it from inside the
 * operator's network: unguarded, a webhook could reach the database's host, an internal service or a cloud's
 * metadata endpoint for them (server-side request forgery).
 * <p>
 * Every address the host resolves to must be public. Loopback and private ranges (10/8, 172.16/12,
 * 192.168/16, 100.64/10, fc00::/7) are allowed only when the operator says so
 * ({@code MERIDIAN_WEBHOOK_PRIVATE_ADDRESSES}, for closed networks and tests). Unspecified (0/8, ::),
 * link-local (169.254/16, where clouds keep their metadata, and fe80::/10), multicast and broadcast addresses
 * never are. The URL is checked when it is saved and again before every delivery, since a name can come to
 * resolve elsewhere.
 */
public final class WebhookTargets {

    private final boolean privateAllowed;

    public WebhookTargets(boolean privateAllowed) {
        this.privateAllowed = privateAllowed;
    }

    /** As the operator configured it. */
    public static WebhookTargets fromConfig() {
        return new WebhookTargets(NotificationSettings.fromConfig().webhookPrivateAddresses());
    }

    /**
     * The URL, if notifications may be posted to it. A host that does not resolve now is accepted: the receiver
     * may not be set up yet, and every delivery checks again.
     *
     * @throws IllegalArgumentException
     *             saying why not
     */
    public String checked(String url) {
        try {
            refusal(new URI(url)).ifPresent(reason -> {
                throw new IllegalArgumentException("a webhook URL must reach a public address: " + reason);
            });
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("a webhook URL must be a valid URI: " + e.getReason());
        } catch (UnknownHostException e) {
            // checked at delivery
        }
        return url;
    }

    /**
     * Why nothing may be posted to this URI, or empty if it may.
     *
     * @throws UnknownHostException
     *             when its host resolves to nothing at all
     */
    Optional<String> refusal(URI target) throws UnknownHostException {
        var host = target.getHost();
        if (host == null) {
            return Optional.of("it names no host");
        }
        for (var address : InetAddress.getAllByName(host)) {
            var kind = forbiddenKind(address);
            if (kind.isPresent()) {
                var shown = address.getHostAddress();
                return Optional.of(shown.equals(host) || host.startsWith("[")
                        ? host + " is " + kind.get()
                        : host + " resolves to " + shown + ", " + kind.get());
            }
        }
        return Optional.empty();
    }

    /** What makes an address unfit for a webhook, given what the operator allows; empty if nothing does. */
    private Optional<String> forbiddenKind(InetAddress address) {
        if (address.isAnyLocalAddress() || address instanceof Inet4Address && address.getAddress()[0] == 0) {
            return Optional.of("an unspecified address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isMulticastAddress() || isBroadcast(address)) {
            return Optional.of("a multicast or broadcast address");
        }
        if (privateAllowed) {
            return Optional.empty();
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isSiteLocalAddress() || isSharedOrUniqueLocal(address)) {
            return Optional.of("a private address");
        }
        return Optional.empty();
    }

    private static boolean isBroadcast(InetAddress address) {
        var bytes = address.getAddress();
        return address instanceof Inet4Address && (bytes[0] & bytes[1] & bytes[2] & bytes[3]) == (byte) 0xff;
    }

    /** Carrier-grade NAT space (100.64/10), or an IPv6 unique local address (fc00::/7). */
    private static boolean isSharedOrUniqueLocal(InetAddress address) {
        var bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc;
        }
        return bytes[0] == 100 && (bytes[1] & 0xc0) == 64;
    }
}
