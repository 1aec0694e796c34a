package dev.pullsync.config;

/**
 * The {@code reseal} section: what to do after a key renewal.
 *
 * @param pushBranch push the spec's values re-sealed for the active key to a branch {@code
 *     pullsync/reseal-<key id>} of the spec's remote (never the spec branch), for a pull request
 */
public record ResealSettings(boolean pushBranch) {}
