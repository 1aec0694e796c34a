/** report: the status and drift report, rendered and written back to Git. */
package dev.pullsync.report;
