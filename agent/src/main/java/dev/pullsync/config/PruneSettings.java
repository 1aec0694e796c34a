package dev.pullsync.config;

/**
 * The {@code prune} section: pruning, refused when a revision would delete more than {@code
 * maxDeleteShare} (0..1).
 */
public record PruneSettings(boolean enabled, double maxDeleteShare) {}
