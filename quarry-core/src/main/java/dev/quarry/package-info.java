/**
 * Quarry's API: models, managers, QuerySets, relation handles, conditions and the exception
 * family. A thin facade over the internal packages; its leaf types (Model, Ref, exceptions)
 * are the vocabulary the internal packages share.
 */
package dev.quarry;
