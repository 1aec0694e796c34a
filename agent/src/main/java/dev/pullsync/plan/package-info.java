/** plan: pair desired with live by key, then diff into redacted changes (pure). */
package dev.pullsync.plan;
