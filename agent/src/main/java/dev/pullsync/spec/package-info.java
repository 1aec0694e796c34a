/**
 * spec: read the YAML spec files, validate them against the JSON Schemas and check references; all
 * problems at once.
 */
package dev.pullsync.spec;
