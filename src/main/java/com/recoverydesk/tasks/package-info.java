/** The staff work queue over the engine's user tasks: list, claim and complete with a decision, as the caller. */
package com.recoverydesk.tasks;
