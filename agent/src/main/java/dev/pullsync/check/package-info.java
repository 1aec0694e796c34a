/**
 * check: logs in to each registry's {@code /v2/} endpoint with a new credential before it is rolled
 * out (basic and bearer-token challenges), so a wrong password keeps the previous one in place.
 */
package dev.pullsync.check;
