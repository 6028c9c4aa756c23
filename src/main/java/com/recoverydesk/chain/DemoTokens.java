package com.recoverydesk.chain;

import java.util.List;

/** Tokens a local devnet deployed for trying Recovery Desk out; absent in production. */
public interface DemoTokens {

    List<DemoToken> tokens();
}
