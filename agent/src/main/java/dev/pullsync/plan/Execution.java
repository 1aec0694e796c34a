package dev.pullsync.plan;

/**
 * Whether a change will be carried out. APPLY: the applier writes it. REPORT: report mode, planned
 * and reported only. REFUSED: held back by the deletion guard or because prune is off.
 */
public enum Execution {
  APPLY,
  REPORT,
  REFUSED
}
