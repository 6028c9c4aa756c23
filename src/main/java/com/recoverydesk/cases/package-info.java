/** Recovery cases: their kinds, statuses and timelines. */
package com.recoverydesk.cases;
