/** The eligibility rules of chains.yml as pure functions, and the reason a case is ineligible. */
package com.recoverydesk.eligibility;
