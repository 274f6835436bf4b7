package io.taoprom.chain.rpc;

import java.net.URI;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** What a builder collected, handed to a transport. */
record ClientSettings(URI endpoint, Duration connectTimeout, Duration requestTimeout,
    RetryPolicy retryPolicy, RpcListener listener, RandomGenerator random, MessageLimits limits) {}
