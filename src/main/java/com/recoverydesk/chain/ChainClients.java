package com.recoverydesk.chain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The one place that builds a {@link Web3j} client per chain. Clients are created on first use, so
 * a chain whose node is down never stops the application from starting: the case that needs it
 * waits and retries instead.
 */
@Component
public class ChainClients implements DisposableBean {

    private final RecoveryRules rules;
    private final OkHttpClient http = new OkHttpClient.Builder()
            .connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(20, TimeUnit.SECONDS)
            .build();
    private final Map<String, Web3j> clients = new ConcurrentHashMap<>();

    ChainClients(RecoveryRules rules) {
        this.rules = rules;
    }

    /** The client of a chain that is not {@link RecoveryMode#UNSUPPORTED}; unknown chains are a programming error. */
    public Web3j client(String chain) {
        return clients.computeIfAbsent(chain, name -> {
            ChainConfig config = rules.chain(name)
                    .orElseThrow(() -> new IllegalArgumentException("no chain named '" + name + "' in chains.yml"));
            if (config.rpcUrl() == null) {
                throw new IllegalStateException("chain '" + name + "' has no rpc-url: it is not recoverable");
            }
            return Web3j.build(new HttpService(config.rpcUrl().toString(), http));
        });
    }

    @Override
    public void destroy() {
        clients.values().forEach(Web3j::shutdown);
    }
}
