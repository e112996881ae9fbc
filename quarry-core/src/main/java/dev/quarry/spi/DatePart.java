package dev.quarry.spi;

/** A part of a date that a transform extracts ({@code published_date__year}). */
public enum DatePart { YEAR, MONTH, DAY }
