package com.recoverydesk.tasks;

import com.recoverydesk.cases.CasePolicies;
import com.recoverydesk.cases.CasePrice;
import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseView;
import com.recoverydesk.cases.CaseViews;
import com.recoverydesk.cases.Conversation;
import com.recoverydesk.cases.DepositFacts;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.review.ReviewConditions;
import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.NativeCoin;
import com.recoverydesk.rules.RecoveryMode;
import com.recoverydesk.rules.RecoveryRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Writes what a specialist needs to see into the new task, for the Tasklist forms: one local variable
 * {@value #FACTS} holding the facts as markdown, which the forms' text field renders. One variable rather
 * than one per fact: each variable costs the engine three rows (runtime, history, history detail), and this
 * listener runs for every case that reaches review. The facts themselves stay in the case's tables.
 */
@Component("taskFacts")
class TaskFactsListener implements TaskListener {

    static final String FACTS = "facts";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final CaseStore cases;
    private final RecoveryRules rules;
    private final CaseViews views;
    private final ObjectProvider<CasePolicies> policies;

    TaskFactsListener(CaseStore cases, RecoveryRules rules, CaseViews views,
            ObjectProvider<CasePolicies> policies) {
        this.cases = cases;
        this.rules = rules;
        this.views = views;
        this.policies = policies;
    }

    @Override
    public void notify(DelegateTask task) {
        RecoveryCase c = cases.find((String) task.getVariable(CaseProcess.CASE_ID)).orElseThrow();
        boolean review = task.getTaskDefinitionKey().equals(CaseProcess.REVIEW_TASK);
        String facts = markdown(c, rules.chain(c.chain()).orElseThrow(), review);
        if (review) {
            // set only when they show something: every task variable costs the engine three rows (see above)
            ChainConfig chain = rules.chain(c.chain()).orElseThrow();
            if (chain.recovery() == RecoveryMode.CONDITIONAL) {
                task.setVariableLocal(ReviewConditions.COUNT, chain.conditions().size());
            }
            if (cases.senderIsContract(c.id())) {
                task.setVariableLocal(CaseProcess.SENDER_IS_CONTRACT, true);
                facts += "\n- **The sender is a contract**: approve only if you confirm that a refund there reaches the user;"
                        + " otherwise reject with SENDER\\_IS\\_A\\_CONTRACT";
            }
            // what the straight-through table said, so the specialist sees its recommendation (a REJECT's reason included)
            var decided = policies.getIfAvailable();
            var policy = decided == null ? Optional.<CaseView.PolicyView>empty() : decided.of(c.id());
            if (policy.isPresent()) {
                var p = policy.get();
                facts += "\n- **Recovery policy**: " + escaped(p.decision() + (p.reasonCode() == null ? "" : " (" + p.reasonCode() + ")")
                        + " by rule " + p.rule() + ", table version " + p.version() + ", mode " + p.mode()
                        + (p.note() == null ? "" : ". " + p.note()));
            }
        }
        task.setVariableLocal(FACTS, facts + conversation(views.conversation(c)));
    }

    /**
     * The customer's own words and the questions asked before, each as a quoted paragraph with its time and author.
     * Every punctuation character is backslash-escaped (CommonMark allows it for all ASCII punctuation), so the
     * form shows exactly what was written and nothing a customer typed becomes a link, markup or HTML.
     */
    static String conversation(Conversation said) {
        if (said.isEmpty()) {
            return "\n\n#### What the customer wrote\n\nNo note and no replies.";
        }
        StringBuilder text = new StringBuilder("\n\n#### What the customer wrote");
        for (Conversation.Words w : said.words()) {
            text.append("\n\n**").append(switch (w.kind()) {
                case NOTE -> "Note with the filing";
                case QUESTION -> "Question asked";
                case REPLY -> "Reply";
            }).append("** ").append(asText(w.author())).append(", ").append(asText(WHEN.format(w.at()))).append("\n");
            for (String line : w.text().split("\\R", -1)) {
                text.append("\n> ").append(asText(line));
            }
        }
        return text.toString();
    }

    /** Any text as literal text in markdown: every ASCII punctuation character escaped. */
    static String asText(String text) {
        return text.replaceAll("([!-/:-@\\[-`{-~])", "\\\\$1");
    }

    static String markdown(RecoveryCase c, ChainConfig chain, boolean forReview) {
        List<String> lines = new ArrayList<>();
        lines.add("### " + (forReview ? "" : "Refund of a ") + c.type().name() + " case on " + c.chain());
        lines.add("");
        lines.add("- **TXID** " + (chain.explorerUrl() == null ? c.txHash() : "[" + c.txHash() + "](" + chain.explorerUrl() + "/tx/" + c.txHash() + ")"));
        DepositFacts f = c.facts();
        if (f != null) {
            lines.add("- **Amount** " + f.units(f.amount(), chain.nativeCoin().symbol(), chain.nativeCoin().decimals()).number() + " "
                    + asset(f, chain.nativeCoin()));
            if (forReview) {
                lines.add("- **Sender** " + f.from());
                lines.add("- **Deposit address** " + f.to());
            }
        }
        lines.add("- **Refund to** " + c.refundAddress());
        lines.add("- **Fee** " + (c.fee() == null ? "no price known: enter a valuation"
                : c.fee().usd().setScale(2, RoundingMode.UP).toPlainString() + " USD (" + escaped(c.fee().rule()) + ")"));
        if (c.fee() != null && c.fee().price() != null) {
            lines.add("- **Price** " + escaped(price(c.fee().price())));
        }
        if (f != null && c.fee() != null) {
            NativeCoin coin = chain.nativeCoin();
            lines.add("- **In tokens** fee " + escaped(f.units(c.fee().amount(), coin.symbol(), coin.decimals()).toString()) + ", refund "
                    + escaped(f.units(f.amount().subtract(c.fee().amount()), coin.symbol(), coin.decimals()).toString()));
        }
        if (forReview) {
            lines.add("- **Recovery on this chain** " + chain.recovery().name()
                    + (chain.conditions().isEmpty() ? "" : ": confirm each condition to approve"));
            for (int i = 0; i < chain.conditions().size(); i++) {
                lines.add("    " + (i + 1) + "\\. " + escaped(chain.conditions().get(i)));
            }
        }
        return String.join("\n", lines);
    }

    /** The USD price the fee was charged at and where it came from. */
    static String price(CasePrice p) {
        String usd = p.usd().stripTrailingZeros().toPlainString() + " USD per token";
        return switch (p.source()) {
            case FEED -> usd + " from the feed " + p.feed() + " on " + p.feedChain() + ", round " + p.round() + ", " + p.at();
            case STATIC -> usd + ", static in chains.yml";
            case SPECIALIST -> usd + ", the specialist's valuation";
        };
    }

    /** What moved: the native coin, or a token by its symbol and contract. */
    static String asset(DepositFacts f, NativeCoin coin) {
        if (f.tokenContract() == null) {
            return (f.symbol() == null ? coin.symbol() : f.symbol()) + " (native coin)";
        }
        // the symbol is whatever the token's contract answers: shown as text, never as markdown
        return (f.symbol() == null ? "token without a symbol" : escaped(f.symbol())) + " " + f.tokenContract();
    }

    private static String escaped(String text) {
        return text.replaceAll("([\\\\`*_{}\\[\\]()#+\\-.!|<>~])", "\\\\$1");
    }
}
