/** Appeals review: the specialist's user task and what happens around it. */
package com.recoverydesk.review;
