/**
 * Synthetic data for the demo and the benchmarks: {@link dev.meridian.dataset.SyntheticDataset} generates a
 * deterministic geography, tenants, users, places, reviews, preferences and follows from a seed and loads
 * them with COPY; {@link dev.meridian.dataset.LoadDataset} is its command line.
 */
package dev.meridian.dataset;
