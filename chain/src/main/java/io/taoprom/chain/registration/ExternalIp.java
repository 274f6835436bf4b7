package io.taoprom.chain.registration;

import io.taoprom.chain.subtensor.IpAddress;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * This machine's public address, asked of several "what is my IP" services in turn. Each gets its
 * own deadline (connect, request and body together), and any failure — refused, timed out, an
 * HTTP error, an answer that is not an address — moves on to the next, so one bad provider really
 * falls back (the Python original's chain does not).
 *
 * <pre>{@code
 * ExternalIp.Discovery d = ExternalIp.defaults().discover();   // or ExternalIp.of(providers, timeout)
 * IpAddress ip = d.address();
 * ExternalIp.warning(ip).ifPresent(System.err::println);       // loopback, private, unspecified
 * }</pre>
 */
public final class ExternalIp {

  /** The default providers, tried in this order; each answers with the caller's address as text. */
  public static final List<URI> DEFAULT_PROVIDERS = List.of(URI.create("https://checkip.amazonaws.com"),
      URI.create("https://api.ipify.org"), URI.create("https://icanhazip.com"));

  /** The default deadline per provider. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

  private static final int MAX_BODY = 256;

  /**
   * The address found and how.
   *
   * @param address the address
   * @param provider the provider that answered
   * @param failures the providers tried before it, each with why it failed
   */
  public record Discovery(IpAddress address, URI provider, List<String> failures) {
    public Discovery {
      failures = List.copyOf(failures);
    }
  }

  private final List<URI> providers;
  private final Duration timeout;
  private final HttpClient client;

  private ExternalIp(List<URI> providers, Duration timeout) {
    if (providers.isEmpty()) {
      throw new IllegalArgumentException("at least one external-ip provider is needed");
    }
    this.providers = List.copyOf(providers);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /** {@link #DEFAULT_PROVIDERS} with {@link #DEFAULT_TIMEOUT} each. */
  public static ExternalIp defaults() {
    return of(DEFAULT_PROVIDERS, DEFAULT_TIMEOUT);
  }

  /** These providers (http or https URLs answering with an address as text), each with this deadline. */
  public static ExternalIp of(List<URI> providers, Duration perProviderTimeout) {
    return new ExternalIp(providers, perProviderTimeout);
  }

  public List<URI> providers() {
    return providers;
  }

  /**
   * Asks the providers in turn until one answers with an address.
   *
   * @throws IllegalStateException when none did, naming each provider and why, and the fix (give the ip)
   */
  public Discovery discover() {
    return discover(ParameterNames.PLAIN);
  }

  /** {@link #discover()}, naming the parameter to give instead as {@code names} do. */
  public Discovery discover(ParameterNames names) {
    List<String> failures = new ArrayList<>();
    for (URI provider : providers) {
      try {
        return new Discovery(ask(provider), provider, failures);
      } catch (ProviderFailure e) {
        failures.add(provider + ": " + e.getMessage());
      }
    }
    throw new IllegalStateException("could not discover this machine's external address (" + String.join("; ", failures)
        + "); give it with " + names.of(Parameter.IP));
  }

  private IpAddress ask(URI provider) throws ProviderFailure {
    HttpRequest request = HttpRequest.newBuilder(provider).timeout(timeout).header("User-Agent", "taoprom")
        .header("Accept", "text/plain").GET().build();
    CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(request, CappedBody.handler(MAX_BODY));
    HttpResponse<byte[]> response;
    try {
      // One deadline for the whole exchange, body included: a provider that trickles bytes is cut off too.
      response = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new ProviderFailure("no answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      if (c instanceof java.net.http.HttpTimeoutException) {
        // The client's own request timeout, the same deadline as ours: say it the same way.
        throw new ProviderFailure("no answer within " + timeout.toMillis() + " ms");
      }
      throw new ProviderFailure(c.getClass().getSimpleName() + (c.getMessage() == null ? ""
          : " " + io.taoprom.untrusted.Excerpt.of(c.getMessage(), 120)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderFailure("interrupted");
    }
    if (response.statusCode() != 200) {
      throw new ProviderFailure("HTTP " + response.statusCode());
    }
    byte[] body = response.body();
    if (body == null) {
      throw new ProviderFailure("answer of more than " + MAX_BODY + " bytes is not an address");
    }
    String text = new String(body, StandardCharsets.US_ASCII).strip();
    try {
      return IpAddress.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ProviderFailure("answer '" + printable(text) + "' is not an IP address");
    }
  }

  private static String printable(String s) {
    String t = s.replaceAll("[^\\x20-\\x7e]", "?");
    return t.length() > 60 ? t.substring(0, 60) + "…" : t;
  }

  /**
   * Why registering this address is probably a mistake, or empty when it is a public address:
   * unspecified ({@code 0.0.0.0}, {@code ::}), loopback (the chain rejects {@code 127.0.0.1} and
   * {@code ::1} outright), private (RFC 1918, CGNAT {@code 100.64/10}, IPv6 unique-local) or
   * link-local — other neurons could not reach it.
   */
  public static Optional<String> warning(IpAddress ip) {
    return warning(ip, ParameterNames.PLAIN);
  }

  /** {@link #warning(IpAddress)}, naming the parameter to give instead as {@code names} do. */
  public static Optional<String> warning(IpAddress ip, ParameterNames names) {
    InetAddress a = toInet(ip);
    if (a == null) {
      return Optional.empty();
    }
    String why = null;
    if (a.isAnyLocalAddress()) {
      why = "is unspecified";
    } else if (a.isLoopbackAddress()) {
      why = "is a loopback address";
    } else if (a.isLinkLocalAddress()) {
      why = "is link-local";
    } else if (a.isSiteLocalAddress() || isCgnat(a) || isUniqueLocal(a)) {
      why = "is a private address";
    }
    if (why == null) {
      return Optional.empty();
    }
    return Optional.of(ip + " " + why + ": Prometheus servers elsewhere cannot reach it; give the public address with "
        + names.of(Parameter.IP));
  }

  private static boolean isCgnat(InetAddress a) {
    byte[] b = a.getAddress();
    return b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
  }

  private static boolean isUniqueLocal(InetAddress a) {
    byte[] b = a.getAddress();
    return b.length == 16 && (b[0] & 0xfe) == 0xfc;
  }

  private static InetAddress toInet(IpAddress ip) {
    int len = ip.type() == 4 ? 4 : ip.type() == 6 ? 16 : 0;
    if (len == 0 || ip.value().signum() < 0 || ip.value().bitLength() > len * 8) {
      return null;
    }
    byte[] raw = ip.value().toByteArray();
    byte[] b = new byte[len];
    int copy = Math.min(raw.length, len);
    System.arraycopy(raw, raw.length - copy, b, len - copy, copy);
    try {
      return InetAddress.getByAddress(b);
    } catch (UnknownHostException impossible) {
      return null;
    }
  }

  private static final class ProviderFailure extends Exception {
    private static final long serialVersionUID = 1L;

    ProviderFailure(String message) {
      super(message, null, false, false);
    }
  }
}
