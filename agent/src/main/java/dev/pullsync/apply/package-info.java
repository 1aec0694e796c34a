/** apply: the only stage that writes to the cluster. */
package dev.pullsync.apply;
