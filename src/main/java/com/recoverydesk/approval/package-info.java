/** The wallet team's approval of a refund, with four-eyes enforced inside the engine by task listeners. */
package com.recoverydesk.approval;
