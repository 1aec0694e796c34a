/** cli: the pullsync command line and its one exit-code table. */
package dev.pullsync.cli;
