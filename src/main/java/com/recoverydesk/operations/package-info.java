/** What operators watch: a health indicator per chain and the metrics of cases, chains and incidents. */
package com.recoverydesk.operations;
