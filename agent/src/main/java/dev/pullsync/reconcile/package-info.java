/**
 * reconcile: the pipeline that runs source, spec, unseal, desired, live, plan, apply and report in
 * order.
 */
package dev.pullsync.reconcile;
