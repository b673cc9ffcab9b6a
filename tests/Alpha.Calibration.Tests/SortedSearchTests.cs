namespace Alpha.Calibration.Tests;

public sealed class SortedSearchTests
{
    [Fact]
    public void SearchesFromAnyGuess_EqualTheBinarySearches()
    {
        double[] sorted = [0, 0.1, 0.1, 0.25, 0.5, 0.5, 0.5, 0.7000000000000001, 0.9, 1];
        double[] values = [-1, 0, 0.05, 0.1, 0.2, 0.25, 0.5, 0.7, 0.7000000000000001, 0.95, 1, 2];
        foreach (double value in values)
        {
            for (int guess = -2; guess <= sorted.Length + 2; guess++)
            {
                Assert.Equal(SortedSearch.LowerBound(sorted, value), SortedSearch.LowerBoundFrom(sorted, value, guess));
                Assert.Equal(SortedSearch.UpperBound(sorted, value), SortedSearch.UpperBoundFrom(sorted, value, guess));
            }
        }
    }
}
