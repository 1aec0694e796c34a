/**
 * demo: {@code pullsync demo}, an in-process Kubernetes API (fabric8 CRUD mock behind a front that
 * serves discovery for kubectl) seeded with sample namespaces, running the real agent against the
 * bundled example repository.
 */
package dev.pullsync.demo;
