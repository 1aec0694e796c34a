/** schedule: cron and event triggers funnelled into one single-flight reconcile queue. */
package dev.pullsync.schedule;
