/**
 * desired: render, per namespace, the Secrets and ServiceAccount links the spec asks for (pure).
 */
package dev.pullsync.desired;
