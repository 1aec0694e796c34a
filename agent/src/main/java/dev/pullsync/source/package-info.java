/** source: fetch the Git repository and pin one revision of the spec files (JGit). */
package dev.pullsync.source;
