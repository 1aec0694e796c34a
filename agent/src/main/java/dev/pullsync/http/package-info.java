/** http: health, readiness, metrics and the Git webhook. */
package dev.pullsync.http;
