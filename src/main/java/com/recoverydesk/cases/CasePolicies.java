package com.recoverydesk.cases;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** What the straight-through policy decided for a case, for the case view; provided by the policy feature. */
public interface CasePolicies {

    Optional<CaseView.PolicyView> of(String caseId);

    /** The decisions of a page of cases, by case id; cases the policy never decided are absent. */
    Map<String, CaseView.PolicyView> of(Collection<String> caseIds);
}
