/** live: what the cluster holds now, read from informer caches and copied into records. */
package dev.pullsync.live;
