/**
 * bench: the scale benchmark ({@code pullsync bench}): an in-memory API server that counts every
 * request, a seeded cluster and Git spec, and the real engine measured phase by phase.
 */
package dev.pullsync.bench;
