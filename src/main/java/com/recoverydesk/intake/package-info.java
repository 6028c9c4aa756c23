/** Filing a case: the recovery form, its validation field by field, and the start of the case's process. */
package com.recoverydesk.intake;
