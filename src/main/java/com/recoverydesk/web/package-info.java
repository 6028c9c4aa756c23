/** What every HTTP endpoint shares: errors as problem+json with a machine code, and the request size limit. */
package com.recoverydesk.web;
