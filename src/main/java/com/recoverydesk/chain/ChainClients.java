package com.recoverydesk.chain;

import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.RecoveryRules;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.http.HttpService;

/**
 * The one place that builds a {@link Web3j} client per chain. Clients are created on first use, so a chain
 * whose node is down never stops the application from starting: the case that needs it waits and retries.
 * Every HTTP round trip to a node is counted per chain (a batch is one round trip).
 */
@Component
public class ChainClients implements DisposableBean {

    private final RecoveryRules rules;
    private final OkHttpClient http = new OkHttpClient.Builder()
            .connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(20, TimeUnit.SECONDS)
            .build();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    ChainClients(RecoveryRules rules) {
        this.rules = rules;
    }

    /** The client of a chain that has an rpc-url; unknown chains are a programming error. */
    public Web3j client(String chain) {
        return of(chain).web3j();
    }

    /** The transport under {@link #client}, for requests web3j has no typed method for. */
    public Web3jService service(String chain) {
        return of(chain).service();
    }

    /** JSON-RPC round trips made to this chain's node since start-up. */
    public long roundTrips(String chain) {
        return of(chain).roundTrips().get();
    }

    /** Round trips to this chain's node that failed (no answer, or an HTTP error). */
    public long failedRoundTrips(String chain) {
        return of(chain).failures().get();
    }

    private Client of(String chain) {
        return clients.computeIfAbsent(chain, name -> {
            ChainConfig config = rules.chain(name)
                    .orElseThrow(() -> new IllegalArgumentException("no chain named '" + name + "' in chains.yml"));
            if (config.rpcUrl() == null) {
                throw new IllegalStateException("chain '" + name + "' has no rpc-url: it is not recoverable");
            }
            AtomicLong roundTrips = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            OkHttpClient counted = http.newBuilder()
                    .addInterceptor(chainOfCalls -> {
                        roundTrips.incrementAndGet();
                        try {
                            okhttp3.Response response = chainOfCalls.proceed(chainOfCalls.request());
                            if (!response.isSuccessful()) {
                                failures.incrementAndGet();
                            }
                            return response;
                        } catch (java.io.IOException e) {
                            failures.incrementAndGet();
                            throw e;
                        }
                    })
                    .build();
            HttpService service = new HttpService(config.rpcUrl().toString(), counted);
            return new Client(Web3j.build(service), service, roundTrips, failures);
        });
    }

    @Override
    public void destroy() {
        clients.values().forEach(c -> c.web3j().shutdown());
    }

    private record Client(Web3j web3j, Web3jService service, AtomicLong roundTrips, AtomicLong failures) {
    }
}
