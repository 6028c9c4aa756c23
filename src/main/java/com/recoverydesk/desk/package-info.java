/** The staff case desk: search and read cases, with links into Tasklist and Cockpit; read-only. */
package com.recoverydesk.desk;
