/**
 * config: the agent configuration file (a mounted ConfigMap), read and validated against
 * agent-config.schema.json into one immutable {@link dev.pullsync.config.AgentConfig}.
 */
package dev.pullsync.config;
