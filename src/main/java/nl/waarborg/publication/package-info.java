/**
 * Publication of a system in the national Algoritmeregister (publication standard 1.0.0) and, later, its EU-database
 * registration. For now this module holds the entry's shape and the standard's field rules (ADR 0034).
 */
package nl.waarborg.publication;
